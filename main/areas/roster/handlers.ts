/**
 * The roster area's handlers, one per operation of its slice of the contract (shared/contract/roster.ts):
 * `overview.get`, `roster.list`, `roster.config`, `roster.saveConfig`, `roster.generate`, `roster.generateProgress`, `roster.cancelGenerate`, `roster.move`, `roster.lock`, `roster.swapWeeks`, `roster.publish`, `roster.changes`, `roster.repairProposal`, `roster.applyRepair`, `roster.fairness`, `roster.ics`.
 */
import type { AreaHandlers } from '../../ipc/handler';
import { cancelJob, jobProgress, trackJob } from '../../app/jobProgress';
import { applyRepair, proposeRepair } from './rosterRepair';
import { lockDuty, moveDuty, publishPeriod, rosterChanges, swapWeeks } from './rosterEdit';
import { fairnessReport } from './rosterFairness';
import { generateRoster, oneGenerationAtATime } from './rosterGenerate';
import { rosterView } from './rosterView';
import { readOverview } from './overview';
import { rosterIcs } from './rosterIcs';
import { listPeriods } from './queries';
import { readRosterConfig, writeRosterConfig } from '../settings/queries';

export const rosterHandlers: AreaHandlers<'roster'> = {
  'overview.get': async ({ core }) => readOverview(core),
  'roster.list': async ({ core }, range) => rosterView(core, range),
  'roster.config': async ({ core }) => readRosterConfig(core.db),
  'roster.saveConfig': async ({ core }, config) => {
    await core.transact({ actor: core.actor(), action: 'roster.saveConfig', details: {} }, (trx) =>
      writeRosterConfig(trx, config),
    );
    return readRosterConfig(core.db);
  },
  'roster.generate': async ({ core }, input) =>
    trackJob(
      core,
      'roster',
      { phase: 'PREPARING', seconds: 0, gap: null },
      (report, signal) => generateRoster(core, input, report, signal),
      oneGenerationAtATime(input),
    ),
  'roster.generateProgress': async ({ core }) => jobProgress(core, 'roster'),
  'roster.cancelGenerate': async ({ core }) => cancelJob(core, 'roster'),
  'roster.move': async ({ core }, input) => moveDuty(core, input),
  'roster.lock': async ({ core }, input) => {
    await lockDuty(core, input);
    return null;
  },
  'roster.swapWeeks': async ({ core }, input) => swapWeeks(core, input),
  'roster.publish': async ({ core }, { periodId }) => {
    await publishPeriod(core, periodId);
    return null;
  },
  'roster.changes': async ({ core }, { from, to }) =>
    rosterChanges(
      core.db,
      (await listPeriods(core.db, from, to)).map((p) => p.id),
    ),
  'roster.repairProposal': async ({ core }, { absenceId }) => proposeRepair(core, absenceId),
  'roster.applyRepair': async ({ core }, input) => applyRepair(core, input),
  'roster.fairness': async ({ core }, range) => fairnessReport(core.db, range),
  'roster.ics': async ({ core }, input) => rosterIcs(core, input),
};
