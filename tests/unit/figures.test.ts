import { extractFigures, splitRawText } from '../../src/plugins/raw-import/core';
import { fixture } from './fixtures';

const valuesOf = (sentence: string) => extractFigures([sentence]).map((f) => f.value);
const only = (sentence: string) => {
  const figures = extractFigures([sentence]);
  expect(figures).toHaveLength(1);
  return figures[0];
};

describe('figures', () => {
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

  it('can be switched off', () => {
    expect(splitRawText(fixture('seed-like.txt'), { figures: false }).figures).toEqual([]);
  });
});
