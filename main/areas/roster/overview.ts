import type { Overview } from '../../../shared/contract';
import type { Context } from '../../app/context';
import { rosterCounts } from './queries';

/**
 * Counts for the work areas' empty states: no client data, so no audit entry. The queue's own counts come
 * with each queue page (main/areas/cases/queries.ts), so there is one definition of "overdue".
 */
export async function readOverview(core: Context): Promise<Overview> {
  const db = core.db;
  return rosterCounts(db);
}
