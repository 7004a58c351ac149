/**
 * The org area's handlers, one per operation of its slice of the contract (shared/contract/org.ts):
 * `org.closureDay`, `org.teams`, `org.areas`, `org.municipalities`, `guidance.services`, `guidance.saveService`.
 */
import type { AreaHandlers } from '../../ipc/handler';
import { saveClosureDay } from '../staff/staff';
import { listServices, saveService } from './guidance';
import { listAreas, listMunicipalities, listTeams } from './queries';

export const orgHandlers: AreaHandlers<'org'> = {
  'org.closureDay': async ({ core }, input) => {
    await saveClosureDay(core, input);
    return null;
  },
  'org.teams': async ({ core }) => listTeams(core.db),
  'org.areas': async ({ core }) => listAreas(core.db),
  'org.municipalities': async ({ core }) => listMunicipalities(core.db),
  'guidance.services': async ({ core }, query) => listServices(core.db, query),
  'guidance.saveService': async ({ core }, input) => saveService(core, input),
};
