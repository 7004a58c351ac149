/** The demo generator's SQL: it writes a whole synthetic county, so its inserts are bulk by table. */
import type { InsertObject } from 'kysely';
import type { Database, Db } from '../store/schema';

/** Inserts many rows a few hundred per statement (SQLite caps the bound parameters of one statement). */
export async function insertInChunks<T extends keyof Database & string>(
  db: Db,
  table: T,
  rows: InsertObject<Database, T>[],
  size = 500,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
}

/** Who is away when, for laying the demo roster around absences. */
export async function absenceSpans(db: Db) {
  return db.selectFrom('absences').select(['staff_id', 'from_date', 'to_date']).execute();
}
