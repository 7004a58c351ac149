/** Bulk inserts for the areas' queries and the demo generator: many rows, a few hundred per statement. */
import type { InsertObject } from 'kysely';
import type { Database, Db } from './schema';

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
