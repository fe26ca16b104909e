import os from 'node:os';
import { BENCHMARKS } from './benchmarks';
import { startDatabase } from './lib/platform';
import { markdownTable } from './lib/report';

/**
 * `npm run bench [-- <number|name> ...]`: runs the benchmarks (all, or those named) one after another
 * on one embedded PostgreSQL cluster, each in a database of its own, and prints every figure with its
 * baseline, then all of them again as a Markdown table for docs/benchmarks.md.
 */
async function main() {
  const wanted = process.argv.slice(2);
  const selected = wanted.length
    ? BENCHMARKS.filter((b) => wanted.some((w) => w === String(b.number) || b.name.includes(w)))
    : BENCHMARKS;
  if (selected.length === 0)
    throw new Error(
      `no benchmark matches ${wanted.join(' ')}; there are: ${BENCHMARKS.map((b) => `${b.number} ${b.name}`).join(', ')}`,
    );
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  const db = await startDatabase();
  let failed = false;
  try {
    for (const b of selected) {
      console.log(`\n# ${b.number}. ${b.name}`);
      const started = performance.now();
      try {
        await b.run(db);
      } catch (e) {
        failed = true;
        console.error(`benchmark ${b.number} failed:`, e);
      }
      console.log(`  (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await db.stop();
  }
  console.log(`\n${markdownTable()}`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
