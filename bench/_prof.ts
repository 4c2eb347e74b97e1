import { splitRawText } from '../src/plugins/raw-import/core';
import { generateCorpusOfSize } from './generate';
const texts = generateCorpusOfSize(6).map((a) => a.text);
for (let r = 0; r < 4; r++) {
  const c0 = process.cpuUsage();
  for (const t of texts) splitRawText(t, { figures: process.env.F !== '0' });
  const c = process.cpuUsage(c0);
  console.log('cpu ms', (c.user + c.system) / 1000);
}
