import type { Overview } from '../../../shared/contract';
import type { Core } from '../../app/core';

/**
 * Counts for the work areas' empty states: no client data, so no audit entry. The queue's own counts come
 * with each queue page (main/areas/cases/queries.ts), so there is one definition of "overdue".
 */
export async function readOverview(core: Core): Promise<Overview> {
  const db = core.db;
  const [staff, dutyAssignments] = await Promise.all([
    db
      .selectFrom('staff')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('active', '=', 1)
      .executeTakeFirst(),
    db
      .selectFrom('duty_assignments')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst(),
  ]);
  return { staff: Number(staff?.n ?? 0), dutyAssignments: Number(dutyAssignments?.n ?? 0) };
}
