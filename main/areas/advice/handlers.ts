/**
 * The advice area's handlers, one per operation of its slice of the contract (shared/contract/advice.ts):
 * `advice.today`, `advice.log`, `advice.undo`.
 */
import type { AreaHandlers } from '../../ipc/handler';
import { adviceToday, logAdvice, undoAdvice } from './adviceLog';

export const adviceHandlers: AreaHandlers<'advice'> = {
  'advice.today': async ({ core }) => adviceToday(core),
  'advice.log': async ({ core }, entry) => logAdvice(core, entry),
  'advice.undo': async ({ core }, { id }) => undoAdvice(core, id),
};
