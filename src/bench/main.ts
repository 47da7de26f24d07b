import { benchmarks } from './index.js';

/** `npm run bench [name…]`: runs every benchmark (or the named ones) and prints one line of figures each. */
const wanted = new Set(process.argv.slice(2));
for (const bench of benchmarks) {
  if (wanted.size > 0 && !wanted.has(bench.name)) continue;
  console.log(`\n## ${bench.name}`);
  await bench.run();
}
