/** `npm run bench -- <name>`: runs one benchmark. Register new ones in BENCHMARKS. */

type Benchmark = () => void | Promise<void>;

const BENCHMARKS: Record<string, () => Promise<Benchmark>> = {
  split: async () => (await import('./split')).default,
  import: async () => (await import('./import')).default,
  identity: async () => (await import('./story-identity')).default,
  hostile: async () => (await import('./hostile')).default,
  'jobs-latency': async () => (await import('./jobs-latency')).default,
  api: async () => (await import('./api')).default,
};

async function main(): Promise<void> {
  const name = process.argv[2];
  const load = name ? BENCHMARKS[name] : undefined;
  if (!load) {
    console.error(`usage: npm run bench -- <${Object.keys(BENCHMARKS).join('|')}>`);
    process.exitCode = 2;
    return;
  }
  await (await load())();
}

void main();
