/** Vote tallies written as a pair: "voted 6-2", "by a 5-4 vote". Both numbers count people; a score does not. */

// "voted 6-2", "passed the Senate 52-48", "approved by 7-2": a vote word, then at most a few words.
const VOTE_BEFORE =
  /(?:^|[^\p{L}])(?:vot(?:ed|es?|ing)|ballot|passed|approved|rejected|confirmed|adopted|ratified|upheld|overturned|stimmten|Stimmen|Abstimmung|votaron|votó|votación|votos?|aprobó|rechazó|voté|votent|voix|scrutin|adopté|rejeté)(?:\s+[\p{L}’']+){0,3}\s+$/iu;
const VOTE_AFTER = /\s+(?:vote|votes|votos|voix|Stimmen|in favou?r|majority|margin|decision|ruling)(?![\p{L}])/iuy;
// The second number of the pair: "-2" after the first.
const SECOND = /[-–](\d{1,3})(?![\d\p{L}])/uy;
const DIGIT = /\d/;
const CHAIN = /[\d\-–.,]/;

function isVoteTally(text: string, start: number, end: number): boolean {
  if (VOTE_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return true;
  VOTE_AFTER.lastIndex = end;
  return VOTE_AFTER.test(text);
}

/** The numeral at [start, end) opens a vote tally: "6" in "voted 6-2". */
export function opensTally(text: string, start: number, end: number): boolean {
  if (end - start > 3) return false;
  SECOND.lastIndex = end;
  return SECOND.test(text) && isVoteTally(text, start, SECOND.lastIndex);
}

/** The numeral at [start, end) closes a vote tally: "2" in "voted 6-2". */
export function closesTally(text: string, start: number, end: number): boolean {
  const dash = start - 1;
  let first = dash;
  while (first > 0 && DIGIT.test(text[first - 1])) first--;
  const digits = dash - first;
  if (digits === 0 || digits > 3) return false;
  // Not the end of a longer chain ("1-2-3") or of a decimal ("1.5-2").
  if (first > 0 && CHAIN.test(text[first - 1])) return false;
  return isVoteTally(text, first, end);
}
