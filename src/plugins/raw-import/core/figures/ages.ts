import type { Language } from '../language';
import type { FoundQualifier } from './qualifiers';
import { Opening, isSpaceCode } from './chars';
/** Numbers that are ages, not figures: "Harker, 47,", "(52)", "aged 52", "52-year-old", "52 ans", "† 84", "turned 52". */

// "aged 47", "at the age of 51", "im Alter von 47", "âgé de 47".
const AGE_WORDS = new Set(['aged', 'age', 'age of', 'ages of', 'alter von', 'âgé de', 'âgée de', 'âgés de', 'edad de', 'aged between']);
export const AGE_AFTER = /(?:-year-olds?|-years-old|\s+years?\s+old|\s+year-old|-jährigen?|\s+Jahre\s+alt|\s+ans\b|\s+años\b)/iuy;
/** The characters AGE_AFTER can start with (either case). */
export const AGE_AFTER_OPENING = new Opening('-', 'yYjJaA', 'spaces');
// "Harker (47)": an age after a name.
const NAME_PAREN_BEFORE = /\p{Lu}[\p{L}'’\-]*\s\($/u;
// "a woman, 52, who…": a bare number set off by commas after a person is an age.
const APPOSITION_BEFORE = /,\s$/;
const NAME_END = /\s?[,)]/y;
/** NAME_END can match only at a comma, a bracket or a space. */
const mayEndName = (text: string, at: number) => {
  const c = text.charCodeAt(at);
  return c === 44 || c === 41 || isSpaceCode(c);
};
// "the victim was named as Jane Smith, 52.": a name, a comma, the number, then the sentence or clause ends.
const NAME_COMMA_BEFORE = /\p{Lu}[\p{L}'’\-]*,\s$/u;
const CLAUSE_END = /\s?(?:[.;:!?]|$)/uy;
/** CLAUSE_END can match only at the end, a stop or a space. */
const mayEndClause = (text: string, at: number) => {
  if (at >= text.length) return true;
  const c = text.charCodeAt(at);
  return c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || isSpaceCode(c);
};
// "since he was 19", "turned 52", "died at 84": an age told about a person.
const AGE_VERBS = new Set(['turned', 'turning', 'turns', 'turn']);
const PRONOUNS = new Set(['he', 'she', 'i']);
const COPULAS = new Set(['was', 'is', "'s", '’s', 'became']);
const AGE_CLAUSE_END =
  /\s?(?:[,.;:)!?]|$|\s(?:when|and|but|he|she|they|at|in|on|after|before|while|as|or|last|this|next)(?![\p{L}]))/uy;
// "als sie 19 war".
const GERMAN_AGE_AFTER = /\s(?:war|ist|wurde|wird)(?![\p{L}])/uy;
// "died at 84", "took up running at 21", "married at 19": a life event at an age.
const LIFE_EVENTS = 'died|retired|married|wed|started|began|joined|left|quit|debuted|emigrated|running|playing|diagnosed|became|moved|orphaned|widowed';
const LIFE_EVENT_AT_BEFORE = new RegExp(String.raw`(?:^|\s)(?:${LIFE_EVENTS})(?:\s[\p{L}'’]+){0,2}\sat\s$`, 'iu');
// "aged 18 to 24": the upper end of an age range.
const AGE_RANGE_BEFORE = /\bag(?:ed|es)\s+(?:between\s+)?\d+\s+(?:to|and|or|-)\s+$/i;

const at = (re: RegExp, text: string, index: number) => {
  re.lastIndex = index;
  return re.test(text);
};
// The last one or two words, joined: "age of" (no slice or join on the common path).
const last = (words: string[], n: 1 | 2) =>
  n === 1 ? (words[words.length - 1] ?? '') : words.length < 2 ? (words[0] ?? '') : `${words[words.length - 2]} ${words[words.length - 1]}`;

/** "aged 47", "im Alter von 47": `words` (lower-cased, nearest last) end with an age word. */
export function isAgeBefore(words: string[]): boolean {
  const n = words.length;
  if (n === 0) return AGE_WORDS.has('');
  if (AGE_WORDS.has(words[n - 1])) return true;
  // Two words only when the last one ends a two-word phrase ("of" in "age of"): no string is built otherwise.
  return n >= 2 && PAIR_ENDS.has(words[n - 1]) && AGE_WORDS.has(`${words[n - 2]} ${words[n - 1]}`);
}
// The last words of the two-word age phrases.
const PAIR_ENDS = new Set([...AGE_WORDS].filter((w) => w.includes(' ')).map((w) => w.slice(w.lastIndexOf(' ') + 1)));

/**
 * The bare whole number `value` at [start, end) is an age told about a person: "Harker, 47," "a woman, 52, who",
 * "Harker (47)", "named as Jane Smith, 52.", "since he was 19", "als sie 19 war", "turned 52", "died at 84",
 * "aged 18 to 24".
 */
export function isAgeOfPerson(text: string, start: number, end: number, value: number, words: string[], language: Language): boolean {
  if (isAgeBefore(words)) return true;
  const near = text.slice(Math.max(0, start - 28), start);
  if (near.includes('age') && AGE_RANGE_BEFORE.test(near)) return true;
  if (value >= 130 || !Number.isInteger(value)) return false;
  if (mayEndName(text, end) && at(NAME_END, text, end)) {
    const head = text.slice(Math.max(0, start - 24), start);
    if (APPOSITION_BEFORE.test(head) || NAME_PAREN_BEFORE.test(head)) return true;
  }
  if (mayEndClause(text, end) && at(CLAUSE_END, text, end) && NAME_COMMA_BEFORE.test(text.slice(Math.max(0, start - 24), start))) {
    return true;
  }
  if (AGE_VERBS.has(last(words, 1))) return true;
  const n = words.length;
  if (words[n - 1] === 'at' && value >= 10 && at(AGE_CLAUSE_END, text, end)) {
    if (LIFE_EVENT_AT_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return true;
  }
  if (n >= 2 && COPULAS.has(words[n - 1]) && PRONOUNS.has(words[n - 2]) && at(AGE_CLAUSE_END, text, end)) return true;
  return language === 'de' && (words[n - 1] === 'er' || words[n - 1] === 'sie') && at(GERMAN_AGE_AFTER, text, end);
}

// Groups that are themselves defined by age: "children under 12 receive…" is always an age limit.
const YOUNG_GROUPS = new Set('children kids babies infants toddlers teenagers youngsters pupils'.split(' '));
// "visitors under 18", "people over 65": who an age limit applies to, and how the phrase ends.
const AGE_GROUPS = new Set(
  (
    'people children visitors those anyone everyone adults women men voters patients residents players pupils ' +
    'students teenagers drivers workers kids youngsters pensioners customers users applicants girls boys babies ' +
    'infants passengers fans citizens'
  ).split(' '),
);
// "participants were white and over 60", "who are under 18".
const PEOPLE_COPULA_BEFORE = /(?:^|\s)(?:were|are|being)\s(?:[\p{L}-]+\s(?:and|or)\s)?$/iu;
const AGE_LIMIT_END = /\s?(?:[,.;:)]|$|\s(?:and|or|who|are|were|will|can|to)\b)/uy;

/**
 * "visitors under 18", "aged over 60", "children under 12 receive a roll": a limit on people's age, not a count.
 * `group`: the words before the qualifier, lower-cased, nearest last.
 */
export function isAgeLimit(text: string, end: number, value: number, q: FoundQualifier, group: string[]): boolean {
  if (q.qualifier !== 'under' && q.qualifier !== 'over') return false;
  const who = group[group.length - 1];
  // Whatever follows, a limit on a group defined by age is an age.
  if (q.qualifier === 'under' && value <= 21 && Number.isInteger(value) && who !== undefined && YOUNG_GROUPS.has(who)) return true;
  if (value >= 100 || !at(AGE_LIMIT_END, text, end)) return false;
  if ((who !== undefined && AGE_GROUPS.has(who)) || isAgeBefore(group)) return true;
  return PEOPLE_COPULA_BEFORE.test(text.slice(Math.max(0, q.index - 32), q.index));
}
