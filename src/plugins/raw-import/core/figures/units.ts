import { escapeRegExp } from '../text';
import { CharSet, Opening, isSpaceCode } from './chars';
/** What may follow or precede a numeral: scale words, currencies, percent, measures, durations, times. */

const alternation = (words: string[]) =>
  [...words].sort((a, b) => b.length - a.length).map((s) => escapeRegExp(s)).join('|');

// ---- scale ----
const SCALE_WORDS: Record<string, number> = {
  thousand: 1e3, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9, trillion: 1e12, trillions: 1e12,
  Tausend: 1e3, tausend: 1e3, Million: 1e6, Millionen: 1e6, 'Mio.': 1e6, Mio: 1e6, Milliarde: 1e9, Milliarden: 1e9,
  'Mrd.': 1e9, Mrd: 1e9, Billion: 1e12, Billionen: 1e12,
  mille: 1e3, milliers: 1e3, milliard: 1e9, milliards: 1e9, Md: 1e9, Mds: 1e9,
  millón: 1e6, millon: 1e6, millones: 1e6, millardo: 1e9, millardos: 1e9, billón: 1e12, billones: 1e12,
  'mil millones': 1e9, mil: 1e3, 'Tsd.': 1e3,
  crore: 1e7, crores: 1e7, lakh: 1e5, lakhs: 1e5,
};
// Abbreviations written straight after the digits: "$1.8bn", "£580m", "30k".
const SCALE_ABBREVIATIONS: Record<string, number> = {
  bn: 1e9, Bn: 1e9, bln: 1e9, b: 1e9, B: 1e9, tn: 1e12, trn: 1e12, m: 1e6, mn: 1e6, mln: 1e6, M: 1e6, k: 1e3, K: 1e3,
};
export const SCALE = new RegExp(
  String.raw`(?:\s?(${alternation(Object.keys(SCALE_ABBREVIATIONS))})|\s(${alternation(Object.keys(SCALE_WORDS))}))(?![\p{L}\p{N}])`,
  'uy',
);
const SCALE_OPENING = new Opening(Object.keys(SCALE_ABBREVIATIONS), [...Object.keys(SCALE_ABBREVIATIONS), ...Object.keys(SCALE_WORDS)]);
/** SCALE at `at`, looked at by its first character first. */
export function scaleAt(text: string, at: number): RegExpExecArray | null {
  if (!SCALE_OPENING.at(text, at)) return null;
  SCALE.lastIndex = at;
  return SCALE.exec(text);
}
/** English "billion" is 10^9; the German, French and Spanish "Billion/billion/billón" is 10^12. */
export function scaleValue(word: string, language: string): number {
  if (word in SCALE_ABBREVIATIONS) return SCALE_ABBREVIATIONS[word];
  if (language !== 'en' && /^billion/i.test(word)) return 1e12;
  return SCALE_WORDS[word] ?? 1;
}
export const isAbbreviatedScale = (word: string) => word in SCALE_ABBREVIATIONS;

// ---- currency ----
// ISO codes a reporter writes before or after an amount: "NOK 18 billion", "1.2m SEK".
const ISO_CODES =
  'USD EUR GBP CHF JPY CNY INR AUD CAD NZD HKD SGD NOK SEK DKK ISK PLN CZK HUF RON BGN TRY RUB UAH ZAR NGN KES EGP MAD ' +
  'AED SAR QAR KWD ILS BRL MXN ARS CLP COP PEN KRW THB IDR MYR PHP VND PKR BDT';
// Symbols and codes written before the amount: "$1.8bn", "A$1.2bn", "$A450m", "CHF 3,5 Millionen", "SFr. 4 Mio.".
const PREFIX_CODES: Record<string, string> = {
  US$: 'USD', $: 'USD', C$: 'CAD', CA$: 'CAD', A$: 'AUD', AU$: 'AUD', $A: 'AUD', NZ$: 'NZD', HK$: 'HKD', S$: 'SGD',
  NT$: 'TWD', MX$: 'MXN', Mex$: 'MXN', R$: 'BRL', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW',
  '₽': 'RUB', '₺': 'TRY', '₦': 'NGN', '₱': 'PHP', '₪': 'ILS', '₴': 'UAH', 'Rs.': 'INR', Rs: 'INR', RM: 'MYR',
  'Rp.': 'IDR', Rp: 'IDR', RMB: 'CNY', 'Fr.': 'CHF', SFr: 'CHF', 'SFr.': 'CHF', 'sFr.': 'CHF',
};
export const CURRENCY_PREFIX = new RegExp(
  String.raw`(${alternation([...Object.keys(PREFIX_CODES), ...ISO_CODES.split(' ')])})\s?$`,
  'u',
);
// Letters written straight onto the digits that are a currency, not a code: "$A450m", "CHF3.5m", "RM2bn", "Rs500".
export const GLUED_CURRENCY = new RegExp(
  String.raw`(?:^|[^\p{L}\p{N}])(\$A|RM|Rs|Rp|RMB|${ISO_CODES.split(' ').join('|')})$`,
  'u',
);
// The last characters of the codes: CURRENCY_PREFIX can match only where one of them ends the text (before a space).
const PREFIX_ENDS = new CharSet([...Object.keys(PREFIX_CODES), ...ISO_CODES.split(' ')].map((code) => code.slice(-1)));
/** CURRENCY_PREFIX may match the text before `start`. */
export function mayEndCurrencyPrefix(text: string, start: number): boolean {
  const c = text.charCodeAt(start - 1);
  return PREFIX_ENDS.has(c) || (isSpaceCode(c) && PREFIX_ENDS.has(text.charCodeAt(start - 2)));
}
export const currencyCode = (prefix: string) => PREFIX_CODES[prefix] ?? prefix;

const CURRENCY_WORDS: Record<string, string> = {
  ...Object.fromEntries(ISO_CODES.split(' ').map((code) => [code, code])),
  '€': 'EUR', '$': 'USD', '£': 'GBP',
  euro: 'EUR', euros: 'EUR', Euro: 'EUR', dollar: 'USD', dollars: 'USD', Dollar: 'USD', dólares: 'USD',
  dólar: 'USD', pound: 'GBP', pounds: 'GBP', 'pounds sterling': 'GBP', Pfund: 'GBP', libras: 'GBP',
  livres: 'GBP', yen: 'JPY', yuan: 'CNY', renminbi: 'CNY', rupees: 'INR', rupee: 'INR', francs: 'CHF',
  franc: 'CHF', Franken: 'CHF', kroner: 'kroner', kronor: 'kronor', krona: 'krona', krone: 'krone',
  Kronen: 'kroner', shillings: 'shillings', shilling: 'shillings', birr: 'birr', rand: 'ZAR', pesos: 'pesos',
  peso: 'pesos', naira: 'NGN', reais: 'BRL', roubles: 'RUB', rubles: 'RUB', lira: 'TRY', zloty: 'PLN',
  dirhams: 'AED', riyals: 'riyals', won: 'KRW', baht: 'THB', ringgit: 'MYR', rupiah: 'IDR',
  'Schweizer Franken': 'CHF', 'francs suisses': 'CHF', 'francos suizos': 'CHF', 'Fr.': 'CHF', 'SFr.': 'CHF',
  'francs CFA': 'XOF', FCFA: 'XOF', 'zł': 'PLN', 'złotych': 'PLN', 'złoty': 'PLN', zlotys: 'PLN', 'Kč': 'CZK',
  forints: 'HUF', forint: 'HUF', shekels: 'ILS', hryvnias: 'UAH', 'US-Dollar': 'USD',
};
// Minor units are stored in the main unit: "80 cents" → 0.8.
const MINOR_WORDS = ['cents', 'cent', 'Cent', 'céntimos', 'centimes', 'pence', 'p'];
export const CURRENCY_SUFFIX = new RegExp(
  String.raw`(?:\s?(€|\$|£)|\s(?:of\s|de\s|d['’]|in\s)?(${alternation(Object.keys(CURRENCY_WORDS).filter((w) => !/^[€$£]$/.test(w)))})|(\s?)(${alternation(MINOR_WORDS)}))(?![\p{L}\p{N}])`,
  'uy',
);
/** The characters CURRENCY_SUFFIX can start with. */
export const CURRENCY_SUFFIX_OPENING = new Opening(['€', '$', '£', ...MINOR_WORDS], ['€', '$', '£', 'o', 'd', 'i', ...Object.keys(CURRENCY_WORDS), ...MINOR_WORDS]);
export const currencyWordCode = (word: string) => CURRENCY_WORDS[word] ?? word;

// ---- hyphenated compounds: "a $5-million grant", "a 1.2-billion-euro plan", "ein 5-Millionen-Euro-Projekt", "a 50-euro fine" ----
export const HYPHEN_SCALE = new RegExp(String.raw`-(${alternation(Object.keys(SCALE_WORDS))})(?![\p{L}\p{N}])`, 'uy');
export const HYPHEN_CURRENCY = new RegExp(
  String.raw`-(${alternation(Object.keys(CURRENCY_WORDS).filter((w) => /^\p{L}{3,}$/u.test(w)))})(?![\p{L}\p{N}])`,
  'uy',
);

// ---- percent ----
export const PERCENT = new RegExp(
  String.raw`\s?(?:(%)|(percentage points?|Prozentpunkte|points de pourcentage|puntos porcentuales|points? de base|basis points)|(per ?cent|percent|pct|Prozent|pour ?cent|por ?ciento))(?![\p{L}])`,
  'uy',
);

/** The characters PERCENT can start with. */
export const PERCENT_OPENING = new Opening(['%', 'p', 'P', 'b'], ['%', 'p', 'P', 'b']);

// ---- measures ----
const MEASURES: Record<string, string> = {
  '°C': 'C', 'ºC': 'C', '° C': 'C', C: 'C', '°F': 'F', F: 'F', 'degrees Celsius': 'C', 'degrees C': 'C',
  'degrees Fahrenheit': 'F', 'degrees F': 'F', degrees: 'C', 'Grad Celsius': 'C', Grad: 'C', 'degrés Celsius': 'C',
  degrés: 'C', 'grados centígrados': 'C', 'grados Celsius': 'C', grados: 'C',
  'km²': 'km²', km2: 'km²', 'sq km': 'km²', 'square kilometres': 'km²', 'square kilometers': 'km²',
  'Quadratkilometer': 'km²', 'kilomètres carrés': 'km²', 'kilómetros cuadrados': 'km²', 'square miles': 'sq mi',
  'km/h': 'km/h', kph: 'km/h', mph: 'mph', knots: 'knots',
  km: 'km', kilometres: 'km', kilometers: 'km', kilometre: 'km', kilometer: 'km', Kilometer: 'km',
  Kilometern: 'km', kilomètres: 'km', kilómetros: 'km',
  'sq m': 'm²', 'sq ft': 'sq ft', 'square feet': 'sq ft', 'sq miles': 'sq mi',
  'cubic metres per second': 'm³/s', 'cubic meters per second': 'm³/s',
  'm²': 'm²', m2: 'm²', 'square metres': 'm²', 'square meters': 'm²', 'm³': 'm³', 'cubic metres': 'm³',
  'cubic meters': 'm³', Kubikmeter: 'm³',
  m: 'm', metres: 'm', meters: 'm', metre: 'm', meter: 'm', Meter: 'm', Metern: 'm', mètres: 'm', metros: 'm',
  cm: 'cm', centimetres: 'cm', centimeters: 'cm', Zentimeter: 'cm', centimètres: 'cm', centímetros: 'cm',
  mm: 'mm', millimetres: 'mm', millimeters: 'mm', Millimeter: 'mm', millimètres: 'mm', milímetros: 'mm',
  miles: 'miles', mile: 'miles', feet: 'ft', ft: 'ft', inches: 'in',
  kg: 'kg', kilograms: 'kg', kilogrammes: 'kg', kilogram: 'kg', Kilogramm: 'kg', kilos: 'kg', kilogramos: 'kg',
  g: 'g', grams: 'g', grammes: 'g', Gramm: 'g', gramos: 'g',
  tonnes: 'tonnes', tonne: 'tonnes', tons: 'tonnes', ton: 'tonnes', Tonnen: 'tonnes', toneladas: 'tonnes', t: 'tonnes',
  litres: 'l', liters: 'l', litre: 'l', liter: 'l', Liter: 'l', Litern: 'l', litros: 'l', l: 'l', ml: 'ml',
  hectares: 'ha', hectare: 'ha', ha: 'ha', Hektar: 'ha', hectáreas: 'ha', acres: 'acres', acre: 'acres',
  MW: 'MW', GW: 'GW', kW: 'kW', kWh: 'kWh', MWh: 'MWh', GWh: 'GWh', TWh: 'TWh',
  megawatts: 'MW', megawatt: 'MW', gigawatts: 'GW', gigawatt: 'GW', Megawatt: 'MW', Gigawatt: 'GW',
  barrels: 'barrels', barrel: 'barrels', bpd: 'barrels a day', Barrel: 'barrels', barils: 'barrels', barriles: 'barrels',
  magnitude: 'magnitude',
};
export const MEASURE = new RegExp(String.raw`\s?(${alternation(Object.keys(MEASURES))})(?![\p{L}\p{N}])`, 'uy');
/** The characters MEASURE can start with. */
export const MEASURE_OPENING = new Opening(Object.keys(MEASURES), Object.keys(MEASURES));
export const measureUnit = (word: string) => MEASURES[word] ?? word;
// "a magnitude-6.1 quake": the scale named before the reading, joined to it.
export const MAGNITUDE_BEFORE = /(?:^|[^\p{L}])[mM]agnitud[ea]?-$/u;
const MAGNITUDE_WORDS = new Set(['magnitude', 'magnitud', 'stärke', 'richter', 'richter-skala']);
/** "magnitude 6.1", "der Stärke 5,9", "de magnitud 5,9", "Richter scale of 6": `words` lower-cased, nearest last. */
export function isMagnitudeBefore(words: string[]): boolean {
  const n = words.length;
  if (n === 0) return false;
  if (MAGNITUDE_WORDS.has(words[n - 1])) return true;
  return n === 3 && words[2] === 'of' && words[1] === 'scale' && words[0] === 'richter';
}

// ---- things that make a number not a figure ----
// Durations and multipliers are not what a story counts ("four years", "9.96 seconds", "three times as many"). Sticky.
export const DURATION = new RegExp(
  String.raw`[\s-]?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|yrs?|decades?|centur(?:y|ies)|times\s+(?:as|more|higher|bigger|larger|greater|faster|less|smaller|the|over|that)|` +
    String.raw`Sekunden|Minuten|Stunden|Tagen?|Wochen|Monaten?|Jahren?|Jahrzehnten?|Jahrhunderten?|Mal\s+(?:so|mehr|höher)|` +
    String.raw`secondes|heures?|jours?|semaines|mois|ans|années|décennies|siècles|fois\s+(?:plus|moins)|` +
    String.raw`segundos|minutos|horas|días|semanas|meses|años|décadas|siglos|veces\s+(?:más|menos))(?![\p{L}])`,
  'uy',
);
/** The characters DURATION can start with: its words' first letters, after an optional space or hyphen. */
export const DURATION_OPENING = new Opening('smhdnwyctSMTWJjafv', 'smhdnwyctSMTWJjafv', 'space-or-hyphen');
// Times of day: "10pm", "11.30am", "18 Uhr", "18h30", "10:30". Sticky: tested right after the digits.
export const TIME_OF_DAY = /(?:\s?(?:am|pm|a\.m\.|p\.m\.)(?![\p{L}])|\s(?:Uhr|o['’]clock|h\s?GMT|GMT|BST|CET)(?![\p{L}])|h\d{0,2}(?![\p{L}])|[:h]\d{2})/uy;
/** The characters TIME_OF_DAY can start with. */
export const TIME_OF_DAY_OPENING = new Opening('aph:', 'apUohGBC');
// Ordinals and ranks: "18th", "2nd", "1er", "3e", "2º".
export const ORDINAL_SUFFIX = /(?:st|nd|rd|th|er|re|e|ème|eme|ère|º|ª|°|\.º|\.ª)(?![\p{L}\p{N}])/uy;
