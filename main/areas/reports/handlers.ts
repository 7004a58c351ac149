/**
 * The reports area's handlers, one per operation of its slice of the contract (shared/contract/reports.ts):
 * `reports.thl`, `reports.thlCases`, `reports.thlCasesPrinted`, `reports.dashboard`.
 */
import type { AreaHandlers } from '../../ipc/handler';
import { dashboard } from './dashboard';
import { readThlReport, reportBounds, thlDrillDown, thlDrillDownPrinted } from './reports';
import { helsinkiDate } from '../../../shared/dates';

export const reportsHandlers: AreaHandlers<'reports'> = {
  'reports.thl': async ({ core }, period) =>
    readThlReport(core, reportBounds(period, core.now()), { actor: core.actor() }),
  'reports.thlCases': async ({ core }, { figure, offset, limit, ...period }) =>
    thlDrillDown(core, reportBounds(period, core.now()), figure, { offset, limit }),
  'reports.thlCasesPrinted': async ({ core }, { figure, rows, ...period }) =>
    thlDrillDownPrinted(core, reportBounds(period, core.now()), figure, rows),
  'reports.dashboard': async ({ core }, range) => dashboard(core, { ...range, today: helsinkiDate(core.now()) }),
};
