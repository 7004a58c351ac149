/**
 * The backups area's handlers, one per operation of its slice of the contract (shared/contract/backups.ts):
 * `backups.list`, `backups.create`, `backups.restore`, `store.restoreLatest`.
 */
import type { AreaHandlers } from '../../ipc/handler';
import { createBackup, listBackups, restoreBackup, restoreLatest } from './backups';
import { LuukkuError } from '../../../shared/errors';

// The app's backups are copies of the encrypted store file beside it; a county on PostgreSQL has its database
// backed up by county IT (README), so these refuse clearly (county.ts requireStoreFile) before any file is read.

export const backupsHandlers: AreaHandlers<'backups'> = {
  'backups.list': async ({ core }) => {
    core.county.requireStoreFile();
    return listBackups(core);
  },
  'backups.create': async ({ core }) => {
    core.county.requireStoreFile();
    return createBackup(core, 'manual');
  },
  'backups.restore': async ({ core }, { name }) => {
    core.county.requireStoreFile();
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
