import type { Overview } from '../../shared/contract';
import { helsinkiDate } from '../../shared/dates';
import type { Core } from '../app/core';

/** Counts for the work areas' empty states and headers: no client data, so no audit entry. */
export async function readOverview(core: Core): Promise<Overview> {
  const db = core.db;
  const today = helsinkiDate(core.now());
  const count = async (query: Promise<{ n: number | string | bigint } | undefined>) => Number((await query)?.n ?? 0);
  const [openCases, overdueCases, staff, municipalities, dutyAssignments] = await Promise.all([
    count(
      db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('status', '!=', 'CLOSED')
        .executeTakeFirst(),
    ),
    count(
      db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('status', 'in', ['NEW', 'TRIAGE'])
        .where('decision', 'is', null)
        .where('start_due', '<', today)
        .executeTakeFirst(),
    ),
    count(
      db
        .selectFrom('staff')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('active', '=', 1)
        .executeTakeFirst(),
    ),
    count(
      db
        .selectFrom('municipalities')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
    ),
    count(
      db
        .selectFrom('duty_assignments')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
    ),
  ]);
  return { openCases, overdueCases, staff, municipalities, dutyAssignments };
}
