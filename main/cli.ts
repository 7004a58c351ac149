/** Admin CLI entry: `npm run --silent luukku -- <command>` (docs/formats.md). */
import { runCli } from './cli/run';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 2;
  },
);
