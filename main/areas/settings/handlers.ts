/**
 * The settings area's handlers, one per operation of its slice of the contract (shared/contract/settings.ts):
 * `settings.get`, `settings.update`.
 */
import type { AreaHandlers } from '../../ipc/handler';
import { checkAssessmentModel } from '../team/assessmentDuty';
import { readSettings, writeSettings } from './queries';

export const settingsHandlers: AreaHandlers<'settings'> = {
  'settings.get': async ({ core }) => readSettings(core.db),
  'settings.update': async ({ core }, patch) => {
    const settings = await core.transact(
      { actor: core.actor(), action: 'settings.update', details: { keys: Object.keys(patch) } },
      async (trx) => {
        await checkAssessmentModel(trx, { ...(await readSettings(trx)), ...patch });
        await writeSettings(trx, patch);
        return readSettings(trx);
      },
    );
    await core.settingsChanged();
    return settings;
  },
};
