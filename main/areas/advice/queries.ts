/** The advice area's SQL: the anonymous advice-line log. */
import type { Insertable } from 'kysely';
import type { LocalDate } from '../../../shared/dates';
import type { AdviceContactsTable, Db } from '../../store/schema';

export async function countOn(db: Db, date: LocalDate): Promise<number> {
  const row = await db
    .selectFrom('advice_contacts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('date', '=', date)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The user's own latest entries of the day, newest first. */
export async function latestOf(db: Db, date: LocalDate, userId: string, limit: number) {
  return db
    .selectFrom('advice_contacts')
    .select(['id', 'at', 'channel', 'language', 'topic', 'guided_to as guidedTo'])
    .where('date', '=', date)
    .where('created_by', '=', userId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertAdvice(db: Db, row: Insertable<AdviceContactsTable>): Promise<void> {
  await db.insertInto('advice_contacts').values(row).execute();
}

export async function adviceEntry(db: Db, id: number) {
  return db.selectFrom('advice_contacts').select(['at', 'created_by']).where('id', '=', id).executeTakeFirst();
}

export async function deleteAdvice(db: Db, id: number): Promise<void> {
  await db.deleteFrom('advice_contacts').where('id', '=', id).execute();
}
