import { splitRawText } from '../src/plugins/raw-import/core';
import { generateCorpusOfSize } from './generate';
const texts = generateCorpusOfSize(6).map((a) => a.text);
for (let r = 0; r < 5; r++) {
  const c0 = process.cpuUsage();
  for (const t of texts) splitRawText(t);
  const c = process.cpuUsage(c0);
  console.log('cpu ms', (c.user + c.system) / 1000);
}
