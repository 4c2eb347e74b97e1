import { extractFigures, splitRawText } from '../../src/plugins/raw-import/core';
import { fixture } from './fixtures';

const valuesOf = (sentence: string) => extractFigures([sentence]).map((f) => f.value);
type Lang = 'de' | 'fr' | 'es';
// A first paragraph without numbers that sets the article's language, as the first paragraphs of a story do.
const LEAD: Record<Lang, string> = {
  de: 'Die Stadt und der Kreis haben sich auf eine Lösung geeinigt, die von allen mitgetragen wird.',
  fr: 'La ville et les habitants du quartier sont inquiets pour la suite des travaux dans la région.',
  es: 'El ayuntamiento y los vecinos del barrio se reunieron para hablar de la situación de las obras.',
};
const valuesIn = (language: Lang, sentence: string) => extractFigures([LEAD[language], sentence]).map((f) => f.value);
const only = (sentence: string) => {
  const figures = extractFigures([sentence]);
  expect(figures).toHaveLength(1);
  return figures[0];
};

describe('figures', () => {
  it('keeps the words around a figure of a run-on sentence, not the whole of it', () => {
    const runOn = `${'The tally went on and on, '.repeat(40)}until about 200 people were counted, ${'and the list went on again, '.repeat(40)}officials said.`;
    const [figure] = extractFigures([runOn]);
    expect(figure.display).toBe('about 200');
    expect(figure.sentence).toBe(
      `…on, ${'The tally went on and on, '.repeat(11)}until about 200 people were counted, ${'and the list went on again, '.repeat(9)}and the list went on…`
    );
  });

  it('finds the figures of a sample-like text', () => {
    const values = splitRawText(fixture('seed-like.txt')).figures.map((f) => f.value);
    expect(values).toEqual(expect.arrayContaining([200, 102, 61, 19, 14000, 500000]));
    expect(values).not.toContain(2019);
    expect(values).not.toContain(3);
  });

  it('never takes figures from teasers or the title', () => {
    const result = splitRawText('Ten ways to save 50 pounds\nPrices rose by 3% in May.\nStorm hits 40 towns…');
    expect(result.figures.map((f) => f.value)).toEqual([3]);
  });

  it.each([
    ['14,000 people', 14000],
    ['rund 14.000 Lokführer gehen in Rente', 14000],
    ['plus de 14 000 personnes', 14000],
    ['a rise of 2.5 points', 2.5],
    ['ein Plus von 2,5 Punkten und mehr', 2.5],
  ])('reads thousands separators and decimals: %s', (text, value) => {
    expect(valuesOf(text)).toEqual([value]);
  });

  it.each([
    ['fined $1.8bn for', 1.8e9, 'USD'],
    ['a loss of €710 million', 710e6, 'EUR'],
    ['savings of £3.4m a year', 3.4e6, 'GBP'],
    ['bis zu 2,5 Millionen Pendler', 2.5e6, null],
    ['Schäden von 100 Millionen Euro pro Tag', 100e6, 'EUR'],
    ['a budget of 1 billion shillings', 1e9, 'shillings'],
    ['paid USD 40 million', 40e6, 'USD'],
    ['a rise of 5 EUR', 5, 'EUR'],
    ['price of 80 cents', 0.8, 'USD'],
  ])('reads money and scale words: %s', (text, value, unit) => {
    const figure = only(text);
    expect(figure.value).toBeCloseTo(value as number);
    expect(figure.unit).toBe(unit);
  });

  it.each([
    ['sales rose 58.3% in May', 58.3, '%'],
    ['a rise of 35 percent', 35, '%'],
    ['rund 80 Prozent der Züge', 80, '%'],
    ['2.8 percentage points', 2.8, 'percentage points'],
    ['reached 47.4C on Tuesday', 47.4, 'C'],
    ['a drop to minus 12C overnight', -12, 'C'],
    ['146 mm of rain fell', 146, 'mm'],
    ['a 3 km zone', 3, 'km'],
    ['80 billion tonnes of ice', 80e9, 'tonnes'],
    ['demand hit 8,647 megawatts', 8647, 'MW'],
  ])('reads percentages and measures: %s', (text, value, unit) => {
    const figure = only(text);
    expect(figure.value).toBeCloseTo(value as number);
    expect(figure.unit).toBe(unit);
  });

  it.each([
    ['about 200 people', 'about'],
    ['around 200 people', 'about'],
    ['roughly 200 people', 'about'],
    ['over 200 people', 'over'],
    ['more than 200 people', 'over'],
    ['nearly 200 people', 'nearly'],
    ['almost 200 people', 'nearly'],
    ['at least 200 people', 'at-least'],
    ['up to 200 people', 'up-to'],
    ['fewer than 200 people', 'under'],
    ['under 200 people', 'under'],
    ['exactly 200 people', 'exact'],
  ])('maps the qualifier in "%s"', (text, qualifier) => {
    expect(only(text).qualifier).toBe(qualifier);
  });

  it.each([
    ['casi el 40 % de los comercios', 'nearly'],
    ['más del 25 % de las tiendas', 'over'],
    ['rund 80 Prozent der Züge', 'about'],
    ['bis zu 2,5 Millionen Pendler', 'up-to'],
    ['environ 200 personnes', 'about'],
    ['au moins 12 hôtels', 'at-least'],
  ])('maps German, French and Spanish qualifiers: %s', (text, qualifier) => {
    expect(only(text).qualifier).toBe(qualifier);
  });

  it('writes the display as in the text, qualifier included', () => {
    expect(only('the state will add about $2.3bn a year').display).toBe('about $2.3bn');
  });

  it.each([
    ['Three skiers were killed.', 3],
    ['Five people died.', 5],
    ['They found twenty-five boats.', 25],
    ['About a dozen shops closed.', 12],
    ['Some three hundred homes flooded.', 300],
  ])('reads spelled-out numbers: %s', (text, value) => {
    expect(valuesOf(text)).toEqual([value]);
  });

  it.each([
    ['The war began in 2011 and escalated.'],
    ['The show runs until 15 June.'],
    ['It opens on June 15 in the capital.'],
    ['The fissure opened shortly after 11pm.'],
    ['The strike ends at 18 Uhr on Friday.'],
    ['They met at 10:30 in the hall.'],
    ['He scored his 18th goal.'],
    ['The club was 7th in the table.'],
    ['Dale Harker, 47, of Thornbury, admitted the charges.'],
    ['A man aged 47 was arrested.'],
    ['He died at the age of 51.'],
    ['Entry is free for visitors under 18.'],
    ['A 74-year-old woman was rescued.'],
    ['Outbreaks of H5N1 were reported.'],
    ['Cases of COVID-19 rose.'],
    ['The film Harbour Friends 2 took the top spot.'],
    ['His flat at Strandgade 30 is a museum.'],
    ['Comet C/2025 K7 is visible.'],
    ['Call the helpline on 01632 960 123 for help.'],
    ["She won the women's 100 metres."],
    ['The team won 2-0 at home.'],
    ['He was jailed for four years and eight months.'],
    ['The trial lasted 18 months.'],
    ['Prices were set in the 1980s.'],
    ['One of the largest cases was heard.'],
    ['One resident said the road was closed.'],
    ['A woman, 52, who lives nearby, called the police.'],
    ['Voters aged between 18 and 24 were asked.'],
    ['Fans gathered at gate 7 before the match.'],
    ['The 7/7 attacks and 9/11 were remembered.'],
    ['The hearing on 15.06.2024 was postponed.'],
    ['One in five homes had an outbreak.'],
    ['Three out of 4 people agreed.'],
    ['The song reached the top 10 again.'],
    ['She works at a Windows 11 help desk.'],
    ['It was called out three times as often.'],
    ['The death rate was high per 100,000 people.'],
  ])('leaves out what is not a figure: %s', (text) => {
    expect(valuesOf(text)).toEqual([]);
  });

  it.each([
    ['One man was killed in the blast.', 1],
    ['A 1,000-strong crowd gathered.', 1000],
    ['The rescue team was called out 212 times last year.', 212],
    ['Last year 300 people died on the roads.', 300],
    ['The death toll rose to over 30.', 30],
    ['Deaths ran at 5 per 100,000 people.', 5],
  ])('counts what reads as a count: %s', (text, value) => {
    expect(valuesOf(text)).toEqual([value]);
  });

  it.each([
    ['The fund paid NOK 18 billion.', 18e9, 'NOK'],
    ['A deal worth 1.2m SEK was signed.', 1.2e6, 'SEK'],
    ['Le projet coûtera 1,2 milliard d’euros.', 1.2e9, 'EUR'],
    ['La empresa facturó 12.300 millones de euros.', 12.3e9, 'EUR'],
    ['Flats of 30 sq m were built.', 30, 'm²'],
  ])('reads currency codes and foreign scale words: %s', (text, value, unit) => {
    const figure = only(text);
    expect(figure.value).toBeCloseTo(value as number);
    expect(figure.unit).toBe(unit);
  });

  it('labels a count with the counted thing', () => {
    expect(only('The violence has displaced over 14,000 people.').label).toBe('people displaced');
    expect(only('About 200 people have been killed.').label).toBe('people killed');
    expect(only('Over 40 drones hit the city.').label).toBe('drones');
  });

  it('carries the sentence and the paragraph index', () => {
    const [figure] = extractFigures(['No figures here.', 'The mayor spoke. About 200 people came. It rained.']);
    expect(figure.sentence).toBe('About 200 people came.');
    expect(figure.paragraph).toBe(1);
  });

  describe('signed numbers', () => {
    it('reads a signed percentage in brackets', () => {
      expect(valuesOf('The index closed at 7,512 points (+1.4%) on Friday.')).toEqual([7512, 1.4]);
    });

    it('reads a minus sign, a typographic minus and an en dash used as one', () => {
      expect(valuesOf('Shares fell -0.3% in early trading.')).toEqual([-0.3]);
      expect(valuesOf('Output changed by −1.2% in the quarter.')).toEqual([-1.2]);
      expect(valuesOf('Costs fell (–3%) in May.')).toEqual([-3]);
    });

    it('reads a plus before a bare count', () => {
      const figure = only('The party won +12 seats at the election.');
      expect(figure.value).toBe(12);
      expect(figure.display).toBe('+12');
    });

    it('reads a sign written before the currency', () => {
      expect(only('The loss was -$3.2m for the year.').value).toBeCloseTo(-3.2e6);
    });

    it('reads signed German, French and Spanish percentages', () => {
      expect(valuesIn('de', 'Der Index gewann +2,5 Prozent.')).toEqual([2.5]);
      expect(valuesIn('fr', 'Le CAC a perdu -0,8 % à la clôture.')).toEqual([-0.8]);
      expect(valuesIn('es', 'El índice cerró con una subida del +0,6 %.')).toEqual([0.6]);
    });

    it('does not read the plus of an international phone number as a sign', () => {
      expect(valuesOf('Call +1 (555) 123-4567 for tickets.')).toEqual([]);
    });
  });

  describe('hyphenated measures', () => {
    it.each([
      ['A 5.9-magnitude quake struck the coast.', 5.9, 'magnitude'],
      ['A magnitude-6.1 earthquake hit the region.', 6.1, 'magnitude'],
      ['A magnitude 6.1 earthquake hit the region.', 6.1, 'magnitude'],
      ['Workers built a 40-metre wall.', 40, 'm'],
      ['A 3,000-tonne ship ran aground.', 3000, 'tonnes'],
      ['A $5-million grant was awarded.', 5e6, 'USD'],
      ['The 1.2-billion-euro plan was approved.', 1.2e9, 'EUR'],
      ['They were given a 50-euro fine.', 50, 'EUR'],
    ])('reads the unit of a hyphenated measure: %s', (text, value, unit) => {
      const figure = only(text);
      expect(figure.value).toBeCloseTo(value as number);
      expect(figure.unit).toBe(unit);
    });

    it('reads a German measure compound', () => {
      expect(extractFigures([LEAD.de, 'Das 5-Millionen-Euro-Projekt wurde gestoppt.']).map((f) => [f.value, f.unit])).toEqual([[5e6, 'EUR']]);
      expect(valuesIn('de', 'Ein 40-Tonnen-Lkw kippte um.')).toEqual([40]);
    });

    it('reads the magnitude named before a German, French or Spanish reading', () => {
      expect(valuesIn('de', 'Ein Erdbeben der Stärke 5,9 erschütterte die Region.')).toEqual([5.9]);
      expect(valuesIn('fr', 'Un séisme de magnitude 5,9 a frappé la région.')).toEqual([5.9]);
      expect(valuesIn('es', 'Un terremoto de magnitud 5,9 sacudió la región.')).toEqual([5.9]);
    });

    it('counts a large number before a hyphenated noun', () => {
      expect(valuesOf('Plans for a 3,000-home estate were approved.')).toEqual([3000]);
      expect(valuesOf('A 300-seat theatre opened.')).toEqual([300]);
    });

    it('leaves out a small number that describes the noun after its hyphen', () => {
      expect(valuesOf('A 12-member panel heard the case at a 5-star hotel.')).toEqual([]);
    });

    it('leaves out a hyphenated duration or age', () => {
      expect(valuesOf('Nurses worked a 12-hour shift in the 500-year-old hospital.')).toEqual([]);
    });
  });

  describe('number words', () => {
    it.each([
      ['The blast killed one person and injured four.', [1, 4]],
      ['The bombing left one dead and six injured.', [1, 6]],
      ['The attack killed one soldier.', [1]],
      ['At least one person was killed.', [1]],
      ['The crash left two dead and three injured.', [2, 3]],
      ['The storm hurt three others in the village.', [3]],
      ['Twenty-three people were rescued.', [23]],
      ['Some three thousand five hundred people marched.', [3500]],
      ['It costs one percent more.', [1]],
      ['Half a million people fled.', [500000]],
      ['A million people marched.', [1e6]],
    ])('reads a number word wherever it stands: %s', (text, values) => {
      expect(valuesOf(text)).toEqual(values);
    });

    it('writes "half a million" from "half" on', () => {
      const figure = only('About half a million people fled.');
      expect(figure.value).toBe(500000);
      expect(figure.display).toBe('About half a million');
    });

    it.each([
      ['One of the victims was a child.'],
      ['The blast left no one injured.'],
      ['One person said the road was closed.'],
      ['He starred in Ocean’s Eleven and watched Formula One.'],
      ['Nine out of ten respondents agreed.'],
      ['Millions of people watched the final.'],
    ])('leaves out a number word that counts nothing: %s', (text) => {
      expect(valuesOf(text)).toEqual([]);
    });

    it.each([
      ['de', 'Drei Menschen wurden verletzt.', [3]],
      ['de', 'Bei dem Unfall starben drei Menschen, vierzehn wurden verletzt.', [3, 14]],
      ['de', 'Fünfundzwanzig Menschen wurden gerettet.', [25]],
      ['de', 'Die Polizei nahm zweihundert Demonstranten fest.', [200]],
      ['de', 'Der Sturm tötete einen Menschen.', [1]],
      ['de', 'Ein Mann wurde schwer verletzt.', [1]],
      ['de', 'Eine Million Menschen sahen zu.', [1e6]],
      ['fr', 'Trois personnes ont été blessées.', [3]],
      ['fr', 'Dix-sept familles ont été relogées.', [17]],
      ['fr', 'Quatre-vingt-dix soldats ont été déployés.', [90]],
      ['fr', 'Deux cents personnes ont manifesté.', [200]],
      ['fr', "L'accident a fait un mort et quatre blessés.", [1, 4]],
      ['fr', "L'incendie a tué une personne.", [1]],
      ['es', 'Tres personas murieron en el incendio.', [3]],
      ['es', 'Treinta y dos familias perdieron sus casas.', [32]],
      ['es', 'Tres mil quinientas personas marcharon.', [3500]],
      ['es', 'El choque dejó un muerto y tres heridos.', [1, 3]],
      ['es', 'El terremoto mató a una persona.', [1]],
    ])('reads a %s number word in any position: %s', (language, text, values) => {
      expect(valuesIn(language as Lang, text as string)).toEqual(values);
    });

    it.each([
      ['de', 'Ein Sprecher sagte, eine Frau habe den Preis gewonnen.'],
      ['de', 'Zwei Drittel der Befragten stimmten zu.'],
      ['de', 'Einige hundert Menschen versammelten sich.'],
      ['fr', 'Un porte-parole a confirmé une réunion lundi.'],
      ['fr', 'Le bâtiment neuf a ouvert ses portes.'],
      ['es', 'Un portavoz confirmó una reunión para el lunes.'],
      ['es', 'Dos de cada tres vecinos apoyan el plan.'],
    ])('leaves out a %s article or vague number: %s', (language, text) => {
      expect(valuesIn(language as Lang, text)).toEqual([]);
    });
  });

  describe('currencies written before the amount', () => {
    it.each([
      ['The company raised A$1.2bn from investors.', 1.2e9, 'AUD'],
      ['It paid $A450m in tax.', 450e6, 'AUD'],
      ['The deal was worth NZ$300 million.', 300e6, 'NZD'],
      ['The bank was fined CHF 3.5 million.', 3.5e6, 'CHF'],
      ['The fine was CHF3.5m.', 3.5e6, 'CHF'],
      ['Miners earned C$2.1bn.', 2.1e9, 'CAD'],
      ['The US$40 million fund opened.', 40e6, 'USD'],
      ['A HK$3bn bridge was built.', 3e9, 'HKD'],
      ['The S$1.5 billion plan was approved.', 1.5e9, 'SGD'],
      ['The R$2bn loan was signed.', 2e9, 'BRL'],
      ['The firm reported sales of Rs500 crore.', 5e9, 'INR'],
    ])('reads %s', (text, value, unit) => {
      const figure = only(text);
      expect(figure.value).toBeCloseTo(value as number);
      expect(figure.unit).toBe(unit);
    });

    it.each([
      ['Die Bank zahlte CHF 3,5 Millionen Strafe.', 3.5e6],
      ['Die Sanierung kostet 2,5 Mio. Fr. mehr.', 2.5e6],
      ['Die Stadt zahlt SFr 4 Millionen.', 4e6],
      ['Die Miete stieg auf 3 500 zł im Monat.', 3500],
    ])('reads Swiss francs and zloty with German scale words: %s', (text, value) => {
      const [figure] = extractFigures([LEAD.de, text]);
      expect(figure.value).toBeCloseTo(value);
      expect(figure.unit).toMatch(/^(CHF|PLN)$/);
    });
  });

  describe('amounts mixing digits and scale words', () => {
    it.each([
      ['es', 'La obra costó 25 mil 120 euros.', 25120],
      ['es', 'Recaudaron 2 millones 300 mil euros.', 2.3e6],
      ['de', 'Das Projekt kostet 3 Millionen 200.000 Euro.', 3.2e6],
      ['de', 'Es kostet 1 Milliarde 200 Millionen Euro.', 1.2e9],
      ['fr', 'Le projet a coûté 2 millions 300 000 euros.', 2.3e6],
    ])('adds the rest of a %s amount to its scale word: %s', (language, text, value) => {
      expect(valuesIn(language as Lang, text as string)).toEqual([value]);
    });
  });

  describe('vote tallies', () => {
    it('counts both sides of a vote written as a pair', () => {
      expect(valuesOf('The council voted 6-2 in favour of the plan.')).toEqual([6, 2]);
      expect(valuesOf('The motion passed by a 5-4 vote.')).toEqual([5, 4]);
      expect(valuesOf('The bill passed the Senate 52-48.')).toEqual([52, 48]);
    });

    it('leaves out a score', () => {
      expect(valuesOf('The team won 3-1 at home.')).toEqual([]);
    });
  });

  it('can be switched off', () => {
    expect(splitRawText(fixture('seed-like.txt'), { figures: false }).figures).toEqual([]);
  });
});
