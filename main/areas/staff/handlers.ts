/**
 * The staff area's handlers, one per operation of its slice of the contract (shared/contract/staff.ts):
 * `staff.directory`, `staff.save`, `staff.addAbsence`, `staff.removeAbsence`, `staff.wish`.
 */
import type { AreaHandlers } from '../../ipc/handler';
import { addAbsence, removeAbsence, saveStaff, setWish, staffDirectory } from './staff';

export const staffHandlers: AreaHandlers<'staff'> = {
  'staff.directory': async ({ core, user }, range) => staffDirectory(core.db, range, user!),
  'staff.save': async ({ core }, input) => saveStaff(core, input),
  'staff.addAbsence': async ({ core }, input) => addAbsence(core, input),
  'staff.removeAbsence': async ({ core }, { id }) => {
    await removeAbsence(core, id);
    return null;
  },
  'staff.wish': async ({ core }, input) => {
    await setWish(core, input);
    return null;
  },
};
