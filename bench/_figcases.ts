import { readFileSync } from 'node:fs';
import { extractFigures } from '../src/plugins/raw-import/core';
let tp = 0, fp = 0, fn = 0;
for (const line of readFileSync('/tmp/figcases/cases.txt', 'utf8').trim().split('\n')) {
  const [text, req, opt] = line.split('||').map((s) => s.trim());
  const required = req ? req.split(/\s+/).map(Number) : [];
  const optional = opt ? opt.split(/\s+/).map(Number) : [];
  const got = extractFigures([text]).map((f) => f.value);
  const left = [...required];
  const optLeft = [...optional];
  const extra: number[] = [];
  for (const v of got) {
    const i = left.findIndex((x) => Math.abs(x - v) < 1e-6 * Math.max(1, Math.abs(x)));
    if (i >= 0) { left.splice(i, 1); tp++; continue; }
    const j = optLeft.findIndex((x) => Math.abs(x - v) < 1e-6 * Math.max(1, Math.abs(x)));
    if (j >= 0) { optLeft.splice(j, 1); continue; }
    extra.push(v); fp++;
  }
  fn += left.length;
  if (left.length || extra.length) console.log(`MISS ${JSON.stringify(left)} EXTRA ${JSON.stringify(extra)} :: ${text.slice(0, 90)}`);
}
console.log(`tp=${tp} fp=${fp} fn=${fn} P=${(tp / (tp + fp)).toFixed(3)} R=${(tp / (tp + fn)).toFixed(3)}`);
