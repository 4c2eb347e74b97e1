/**
 * Throwaway comparison: should compromise's numbers() do part of the figure parsing?
 * Measures figure P/R/F1 (the scorer's matching rules) and speed on a corpus, for compromise and for our
 * extractFigures, on the same body paragraphs. Usage: npx tsx bench/compromise-compare.ts [corpus-dir]
 * compromise is a devDependency only for this script; nothing in src/ imports it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { splitRawText, extractFigures } from '../src/plugins/raw-import/core';

interface Truth {
  value: number;
  optional: boolean;
}

const dir = process.argv[2] ?? '/work/shared/corpus';
const docs = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({
    body: splitRawText(readFileSync(join(dir, f), 'utf8'), { figures: false }).body,
    truth: JSON.parse(readFileSync(join(dir, f.replace(/\.txt$/, '.json')), 'utf8')).figures as Truth[],
  }));

// ---- the scorer's matching: exact first, then within 0.5%, required before optional ----
function close(a: number, b: number): boolean {
  const d = Math.abs(a - b);
  const m = Math.max(Math.abs(a), Math.abs(b));
  if (d <= 1e-9 * Math.max(1, m)) return true;
  return (!Number.isInteger(a) || !Number.isInteger(b)) && d <= 0.005 * m;
}
const same = (a: number, b: number) =>
  close(a, b) || (a !== 0 && Math.abs(a) < 1 && close(a * 100, b)) || (b !== 0 && Math.abs(b) < 1 && close(a, b * 100));

function score(predicted: number[], truth: Truth[]): { tp: number; counted: number; required: number } {
  const req = truth.filter((t) => !t.optional).map((t) => ({ v: t.value, used: false }));
  const opt = truth.filter((t) => t.optional).map((t) => ({ v: t.value, used: false }));
  const pending = predicted.map((v) => ({ v, done: false }));
  let tp = 0;
  let absorbed = 0;
  for (const [pool, eq] of [[req, (a: number, b: number) => a === b], [req, same], [opt, (a: number, b: number) => a === b], [opt, same]] as const) {
    for (const p of pending) {
      if (p.done) continue;
      const hit = pool.find((t) => !t.used && eq(p.v, t.v));
      if (hit) {
        hit.used = true;
        p.done = true;
        if (pool === req) tp++;
        else absorbed++;
      }
    }
  }
  return { tp, counted: predicted.length - absorbed, required: req.length };
}

type Extractor = (body: string[]) => number[];

const extractors: Record<string, Extractor> = {
  'compromise numbers()': (body) => body.flatMap((p) => nlp(p).numbers().get() as number[]),
  // The same, dropping what compromise itself tags as a date, a year or an ordinal.
  'compromise, no dates/ordinals': (body) =>
    body.flatMap((p) =>
      (nlp(p).numbers().json() as Array<{ number: { num: number }; terms: Array<{ tags: string[] }> }>)
        .filter((n) => !n.terms.some((t) => t.tags.some((tag) => tag === 'Date' || tag === 'Year' || tag === 'Ordinal')))
        .map((n) => n.number.num),
    ),
  'own extractFigures': (body) => extractFigures(body).map((f) => f.value),
};

const bytes = docs.reduce((sum, d) => sum + Buffer.byteLength(d.body.join('\n')), 0);
console.log(`corpus ${dir}: ${docs.length} documents, ${(bytes / 1024).toFixed(1)} KB of body text`);
for (const [name, extract] of Object.entries(extractors)) {
  let tp = 0;
  let counted = 0;
  let required = 0;
  for (const d of docs) {
    const s = score(extract(d.body), d.truth);
    tp += s.tp;
    counted += s.counted;
    required += s.required;
  }
  const p = counted ? tp / counted : 1;
  const r = required ? tp / required : 1;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  // Speed: repeat the corpus until ~2 s of work, CPU time.
  for (const d of docs) extract(d.body);
  let rounds = 0;
  const start = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < 2e6) {
    for (const d of docs) extract(d.body);
    rounds++;
    const used = process.cpuUsage(start);
    elapsed = used.user + used.system;
  }
  const mbPerS = (bytes * rounds) / 1024 / 1024 / (elapsed / 1e6);
  console.log(`${name.padEnd(32)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f1.toFixed(3)}  (${tp}/${counted}/${required})  ${mbPerS.toFixed(2)} MB/s`);
}
