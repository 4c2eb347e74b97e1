/** `npm run bench -- split`: throughput of splitRawText on ≥ 20 MB of generated text, with and without figures. */
import os from 'node:os';
import { splitRawText } from '../src/plugins/raw-import/core';
import { generateCorpusOfSize } from './generate';

const TARGET_MB = Number(process.env.BENCH_MB ?? 20);

interface Peak {
  rss: number;
  heap: number;
}

function sample(peak: Peak): void {
  const m = process.memoryUsage();
  if (m.rss > peak.rss) peak.rss = m.rss;
  if (m.heapUsed > peak.heap) peak.heap = m.heapUsed;
}

function run(label: string, texts: string[], bytes: number, figures: boolean, peak: Peak): void {
  // A warm-up pass over a slice, so the JIT has compiled the hot paths before timing.
  for (const t of texts.slice(0, 1000)) splitRawText(t, { figures });
  let teasers = 0;
  let found = 0;
  const cpuStart = process.cpuUsage();
  const started = process.hrtime.bigint();
  texts.forEach((t, i) => {
    const r = splitRawText(t, { figures });
    teasers += r.teasers.length;
    found += r.figures.length;
    if (i % 500 === 0) sample(peak);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  sample(peak);
  const mb = bytes / (1024 * 1024);
  // Wall-clock figures depend on what else the machine runs; CPU-time figures are what one core sustains.
  console.log(
    `${label.padEnd(16)} ${(mb / seconds).toFixed(1).padStart(6)} MB/s ${Math.round(texts.length / seconds).toString().padStart(6)} docs/s wall | ` +
      `${(mb / cpuSeconds).toFixed(1).padStart(6)} MB/s ${Math.round(texts.length / cpuSeconds).toString().padStart(6)} docs/s cpu ` +
      `(${texts.length} docs, ${mb.toFixed(1)} MB, ${seconds.toFixed(2)} s; ${teasers} teasers, ${found} figures)`,
  );
}

export default function benchSplit(): void {
  const peak: Peak = { rss: 0, heap: 0 };
  const generated = generateCorpusOfSize(TARGET_MB);
  const texts = generated.map((a) => a.text);
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  sample(peak);
  console.log(`generated ${texts.length} texts, ${(bytes / 1024 / 1024).toFixed(1)} MB (node ${process.version}, one thread, load average ${os.loadavg()[0].toFixed(2)})`);
  run('split', texts, bytes, false, peak);
  run('split + figures', texts, bytes, true, peak);
  console.log(`peak memory: rss ${(peak.rss / 1024 / 1024).toFixed(0)} MB, heap used ${(peak.heap / 1024 / 1024).toFixed(0)} MB`);
}
