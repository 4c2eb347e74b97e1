import type { Language } from '../language';
import { SPELLED, composeSpelled } from './numbers';
import { SCALE, scaleValue, DURATION } from './units';
import { findQualifier } from './qualifiers';
import { isAgeBefore, isRankBefore, AGE_AFTER, precedingWords } from './exclusions';
import { type Reading, stickyAt, isAt, readUnitAfter } from './reading';

/** A number written in words: "three skiers", "a dozen shops", "two million people". */

// "the two airlines", "les deux pays": a group already counted earlier in the story.
const DEFINITE_BEFORE = /(?:^|[^\p{L}])(?:the|these|those|all|both|die|den|der|diese|les|ces|los|las|estos|estas)\s+$/iu;
// "two-year", "three-match", "five-point": compounds, not counts.
const COMPOUND = /[-–]\p{L}/uy;
const RATIO_BEFORE = /(?:^|[^\p{L}])(?:one|1|eins?|un|une|uno|una)\s+(?:in|out of|of every|von|sur|de cada)\s+$/iu;
const RATIO_AFTER = /\s+(?:in|out of)\s+(?:\d|ten|five|four|three|two|twenty|hundred)/y;
// "one man was killed", "one person died": a single casualty is counted; "one resident said" is not.
const ONE_PERSON = new RegExp(
  String.raw` (?:person|man|woman|child|boy|girl|baby|soldier|officer|firefighter|worker|passenger|patient|victim|civilian|student|resident|pedestrian|driver|teenager|climber|skier|hiker|fisherman|migrant|journalist|prisoner|hostage)` +
    String.raw`(?: (?:was|is|has|had|have|been|later|also|still|reportedly|believed|feared|critically|seriously))* (?:killed|died|dead|injured|hurt|wounded|arrested|missing|rescued|detained|charged)\b`,
  'y',
);
const DOZEN = /dozen|dutzend|douzaine|docena/i;

/** `articleStart`: where "a"/"an"/"ein"… begins right before the number, or null. */
export function readSpelledFigure(text: string, m: RegExpExecArray, language: Language, articleStart: number | null): Reading | null {
  const words = SPELLED[language];
  const hasArticle = articleStart !== null;
  // "a dozen", "an eighty-strong crowd": the figure is written from its article on.
  const start = articleStart ?? m.index;
  let value = composeSpelled(words, m[1], m[2]);
  let end = m.index + m[0].length;
  if (value === null) {
    value = composeSpelled(words, m[1]);
    end = m.index + m[1].length;
  }
  if (value === null) return null;
  // "hundred", "thousand" and "dozen" stand alone only with an article ("a hundred").
  if ((value === 100 || value === 1000) && !m[2] && !hasArticle) return null;
  if (value === 12 && DOZEN.test(m[1]) && !hasArticle) return null;

  const scale = stickyAt(SCALE, text, end);
  if (scale && scale[2]) {
    value *= scaleValue(scale[2], language);
    end += scale[0].length;
  } else if (value === 1 && !isAt(ONE_PERSON, text, end)) {
    // "one" is mostly "one of the…", "one day", not a count; "one man was killed" is.
    return null;
  }
  let unit: string | null = null;
  const after = readUnitAfter(text, end, language);
  // Only whole words after a spelled number: "five percent", "ten kilometres", not "five m".
  if (after && text[end] === ' ' && after.end - end > 3) {
    unit = after.unit;
    value *= after.factor;
    end = after.end;
  }
  if (DEFINITE_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return null;
  // "one in five homes": a ratio, not a count.
  if (RATIO_BEFORE.test(text.slice(Math.max(0, start - 10), start)) || isAt(RATIO_AFTER, text, end)) return null;
  if (isAt(COMPOUND, text, end)) return null;
  if (unit === null && isAt(DURATION, text, end)) return null;
  if (isAt(AGE_AFTER, text, end)) return null;
  const before = precedingWords(text, start);
  if (isAgeBefore(before) || isRankBefore(before)) return null;
  const q = findQualifier(text, start);
  return { start, end, value, unit, qualifier: q ? q.qualifier : 'exact', qualifierStart: q ? q.index : null };
}
