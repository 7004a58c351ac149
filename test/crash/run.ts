/**
 * `npm run crash [-- --kills N]`: the full crash harness (default 200 kills) in a temp folder, with a
 * line per ten rounds and the report as JSON at the end. Exit code 1 if anything failed.
 */
import { performance } from 'node:perf_hooks';
import { tempDir } from '../helpers/stores';
import { crashRounds } from './harness';

const at = process.argv.indexOf('--kills');
const kills = at > 0 ? Number(process.argv[at + 1]) : 200;
const { dir, cleanup } = tempDir('luukku-crash-');
const started = performance.now();
try {
  const report = await crashRounds(dir, kills, {
    seed: Date.now() % 100_000,
    onRound: (round, r) =>
      round % 10 === 0 &&
      console.error(
        `crash: ${round}/${kills} kills, ${r.acknowledged} acknowledged writes, ${r.cases} cases, ${r.failures.length} failures`,
      ),
  });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  console.log(JSON.stringify({ ...report, seconds }, null, 2));
  process.exitCode = report.failures.length || report.kills < kills ? 1 : 0;
} finally {
  cleanup();
}
