import { splitRawText } from '../src/plugins/raw-import/core';
const N = 200000;
const cases: Record<string, string> = {
  dots: '5 people. ' + '.'.repeat(N),
  bangs: '5 people ' + '!'.repeat(N) + 'x',
  spaces: '5 people' + ' '.repeat(N) + 'x.',
  digits: '1'.repeat(N),
  commas: '1' + ',000'.repeat(N / 4),
  spacegroups: '1' + ' 000'.repeat(N / 4) + ' people',
  dashes: '5' + '-5'.repeat(N / 2),
  words: 'two '.repeat(N / 4),
  lines: 'Teaser…\n'.repeat(N / 8),
  shortlines: 'a\n'.repeat(N / 2),
  quotes: '5 people' + '"'.repeat(N),
  ellipses: '5 people' + '…'.repeat(N),
  mixed: ('about 5 people, aged 4, 3-2, No 5, £3m. ').repeat(N / 40),
  wrapped: ('word '.repeat(14) + '\n').repeat(N / 70),
  headers: 'Body text here that is long enough.\n' + 'Related\n'.repeat(N / 8),
};
for (const [name, text] of Object.entries(cases)) {
  const t0 = Date.now();
  let out = '';
  try { const r = splitRawText(text); out = `${r.body.length} paras ${r.teasers.length} teasers ${r.figures.length} figures`; } catch (e) { out = (e as Error).message; }
  console.log(name.padEnd(12), String(Date.now() - t0).padStart(6), 'ms', out.slice(0, 80));
}
