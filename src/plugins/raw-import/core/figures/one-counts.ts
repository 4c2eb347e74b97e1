import type { Language } from '../language';
import { wordsBefore } from '../text';
import { isSpaceCode, lowerSlice } from './chars';
/**
 * When the word for "one" is a figure: a casualty ("one dead", "un mort", "ein Toter") or a person the event
 * struck ("killed one person", "one man was injured", "tötete einen Menschen", "murió una persona").
 * Elsewhere "one", "un", "ein" are mostly an article or a pronoun ("one of the", "un jour").
 */

const words = (list: string) => list.trim().split(/\s+/).join('|');

// A casualty noun right after the number: "one dead", "un mort", "ein Toter", "un herido".
const CASUALTY: Record<Language, RegExp> = {
  en: /\s(?:dead|killed|injured|wounded|hurt)(?![\p{L}])/uy,
  de: /\s(?:Tote[rn]?|Todesopfer|(?:Schwer|Leicht)?[vV]erletzte[rn]?)(?![\p{L}])/uy,
  fr: /\s(?:morte?|blessée?|tuée?|décès|victime)(?![\p{L}])/uy,
  es: /\s(?:muert[oa]|herid[oa]|fallecid[oa]|víctima mortal)(?![\p{L}])/uy,
};

// People the number can count ("one man", "einen Menschen", "une personne", "una persona"), with one adjective.
const PERSON: Record<Language, RegExp> = {
  en: new RegExp(
    String.raw`\s(?:(?:other|more|further|young|elderly)\s)?(?:${words(`
      person man woman child boy girl baby infant toddler teenager soldier officer policeman policewoman firefighter
      worker passenger patient victim civilian student pupil resident pedestrian driver motorist cyclist rider
      climber skier hiker swimmer fisherman migrant journalist prisoner inmate hostage tourist pilot guard suspect
      miner sailor crewman protester demonstrator`)})(?![\p{L}])`,
    'uy',
  ),
  de: new RegExp(
    String.raw`\s(?:\p{Ll}+(?:e|er|en|es|em)\s)?(?:${words(`
      Mensch Menschen Person Mann Frau Kind Jugendliche[rn]? Junge[n]? Mädchen Baby Soldat(?:en)? Polizist(?:in|en)?
      Feuerwehrmann Arbeiter(?:in)? Passagier(?:in)? Patient(?:in|en)? Fußgänger(?:in)? Radfahrer(?:in)?
      (?:Auto|Motorrad|Bei)?[Ff]ahrer(?:in)? Bewohner(?:in)? Tourist(?:in|en)? Schüler(?:in)? Bergsteiger(?:in)?
      Wanderer Wanderin Mitarbeiter(?:in)? Häftling Insass(?:e|in|en) Senior(?:in)? Zivilist(?:in|en)?
      Demonstrant(?:in|en)? Verdächtige[rn]?`)})(?![\p{L}])`,
    'uy',
  ),
  fr: new RegExp(
    String.raw`\s(?:(?:jeune|petite?|vieil(?:le)?|autre)\s)?(?:${words(`
      personne homme femme enfant adolescente? jeune bébé soldat policier policière gendarme pompier ouvrier
      ouvrière passager passagère patiente? piéton piétonne cycliste conducteur conductrice motard habitante?
      touriste élève randonneur randonneuse alpiniste skieur skieuse migrante? journaliste détenue? otage militaire
      civile? secouriste agent manifestante? suspecte?`)})(?![\p{L}])`,
    'uy',
  ),
  es: new RegExp(
    String.raw`\s(?:${words(`
      persona hombre mujer niño niña joven menor bebé soldado policía agente bombero bombera trabajador trabajadora
      obrero obrera pasajero pasajera paciente peatón ciclista conductor conductora motorista vecino vecina turista
      estudiante alumno alumna montañero montañera excursionista migrante periodista preso presa rehén militar civil
      guardia manifestante sospechoso sospechosa`)})(?![\p{L}])`,
    'uy',
  ),
};

// What happened to that person, after the noun: "one man was killed", "ein Mensch starb", "une personne est morte".
const STRUCK_AFTER: Record<Language, RegExp> = {
  en: new RegExp(
    String.raw`(?:\s(?:${words('was is has had have been later also still reportedly believed feared critically seriously fatally badly slightly')}))*` +
      String.raw`\s(?:${words('killed died dies dead injured hurt wounded arrested missing rescued detained charged drowned hospitalised hospitalized')})(?![\p{L}])`,
    'uy',
  ),
  de: new RegExp(
    String.raw`(?:\s(?:${words('wurde ist sei war kam kamen dabei noch schwer leicht lebensgefährlich tödlich')}))*` +
      String.raw`\s(?:${words('starb stirbt gestorben getötet verletzt ums vermisst festgenommen gerettet verhaftet tot verunglückt')})(?![\p{L}])`,
    'uy',
  ),
  fr: new RegExp(
    String.raw`(?:\s(?:${words('a est été aurait serait grièvement légèrement également aussi')}))*` +
      String.raw`\s(?:${words('tuée? morte? décédée? blessée? péri disparue? interpellée? arrêtée? secourue? hospitalisée? succombé')})(?![\p{L}])`,
    'uy',
  ),
  es: new RegExp(
    String.raw`(?:\s(?:${words('ha fue resultó está también gravemente levemente')}))*` +
      String.raw`\s(?:${words('murió muere muert[oa] falleció fallecid[oa] herid[oa] detenid[oa] desaparecid[oa] rescatad[oa] perdió')})(?![\p{L}])`,
    'uy',
  ),
};

// The verb before the number that struck the person: "killed one person", "tötete einen Menschen", "mató a una persona".
const verbSet = (list: string) => new Set(list.trim().split(/\s+/));
const STRUCK_BEFORE: Record<Language, Set<string>> = {
  en: verbSet(`killed killing kills kill injured injuring injures wounded wounding hurt hurting left leaving leaves claimed
    rescued arrested detained shot stabbed`),
  de: verbSet('tötete töteten getötet verletzte verletzten verletzt erschoss erschossen rettete retteten starb'),
  fr: verbSet('tué tuant tue blessé blessant blesse interpellé arrêté secouru'),
  es: verbSet('mató matando mata hirió hiriendo dejó dejando deja causó murió falleció detuvo rescató arrestó'),
};
// Words that may come between that verb and the number: "killed at least one", "mató a una".
const BETWEEN = new Set('at least only just mindestens nur au moins seulement a al menos solo'.split(' '));

const NEGATION_BEFORE = /(?:^|[^\p{L}])(?:no|not|nicht|kein|pas)\s$/iu;
/** NEGATION_BEFORE can match only a space after "o", "t", "n" or "s" (either case; "ſ" folds to "s"). */
function mayFollowNegation(text: string, start: number): boolean {
  if (!isSpaceCode(text.charCodeAt(start - 1))) return false;
  const c = text.charCodeAt(start - 2);
  const lower = c | 0x20;
  return lower === 111 || lower === 116 || lower === 110 || lower === 115 || c === 0x17f;
}

function isAt(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex : -1;
}

/** The word for one at [start, end) counts a casualty or a person struck by the event. */
export function countsOne(text: string, start: number, end: number, language: Language): boolean {
  // "no one injured", "not one person".
  if (mayFollowNegation(text, start) && NEGATION_BEFORE.test(text.slice(Math.max(0, start - 8), start))) return false;
  if (isAt(CASUALTY[language], text, end) > 0) return true;
  const noun = isAt(PERSON[language], text, end);
  if (noun < 0) return false;
  if (isAt(STRUCK_AFTER[language], text, noun) > 0) return true;
  const verbs = STRUCK_BEFORE[language];
  for (const w of wordsBefore(text, start, 4, 40)) {
    const word = lowerSlice(text, w.start, w.end);
    if (verbs.has(word)) return true;
    if (!BETWEEN.has(word)) return false;
  }
  return false;
}
