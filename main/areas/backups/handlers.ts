/**
 * The backups area's handlers, one per operation of its slice of the contract (shared/contract/backups.ts):
 * `backups.list`, `backups.create`, `backups.restore`, `store.restoreLatest`.
 */
import type { AreaHandlers } from '../../ipc/handler';
import { createBackup, listBackups, restoreBackup, restoreLatest } from './backups';
import { LuukkuError } from '../../../shared/errors';

export const backupsHandlers: AreaHandlers<'backups'> = {
  'backups.list': async ({ core }) => listBackups(core),
  'backups.create': async ({ core }) => createBackup(core, 'manual'),
  'backups.restore': async ({ core }, { name }) => {
    await restoreBackup(core, name);
    return core.status();
  },
  'store.restoreLatest': async ({ core }, { passphrase }) => {
    if (core.phase() !== 'STORE_ERROR')
      throw new LuukkuError('WRONG_STATE', 'Restoring the latest backup is offered only for a damaged store.');
    await restoreLatest(core, passphrase);
    return core.status();
  },
};
