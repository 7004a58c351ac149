/**
 * The main process's share of a working day, in a fresh process (the benchmark's own process holds two
 * stores and the solver, so its memory says nothing about the app's): open the encrypted store, show the
 * first queue page of each view and run the THL report; print the time to the first page and the RSS.
 * Run by run.ts as `node --import tsx memoryProbe.ts <store> <key hex>`.
 */
import { workingDayCalendar } from '../../shared/calendar';
import { queryQueue, type ParsedQueueQuery } from '../../main/areas/cases/queries';
import { thlReport } from '../../main/areas/reports/reports';
import { openSqlite, kyselyFor } from '../../main/store/open';

const [path, keyHex] = process.argv.slice(2);
const ctx = { today: '2026-11-23', calendar: workingDayCalendar(), dueSoonWorkingDays: 2, userId: 'u-s003' };
const page = (view: ParsedQueueQuery['view']): ParsedQueueQuery => ({
  view,
  sort: 'priority',
  descending: false,
  offset: 0,
  limit: 200,
});
const started = performance.now();
const sqlite = openSqlite(path!, Buffer.from(keyHex!, 'hex'), 'existing');
const db = kyselyFor(sqlite);
await queryQueue(db, page('OPEN'), ctx);
const firstPageMs = performance.now() - started;
for (const view of ['ASSESSMENT_WEEK', 'CLOSED', 'MINE', 'OVERDUE'] as const) await queryQueue(db, page(view), ctx);
await thlReport(db, { from: '2026-04-01', to: '2026-09-30', asOf: '2026-10-17' });
const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
await db.destroy();
process.stdout.write(`${JSON.stringify({ firstPageMs: Math.round(firstPageMs), rssMb })}\n`);
