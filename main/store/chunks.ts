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

/** Distinct values in slices of a few hundred, for reads by `where … in (…)` within the same bound. */
export function inSlices<T>(values: readonly T[], size = 500): T[][] {
  const distinct = [...new Set(values)];
  const slices: T[][] = [];
  for (let i = 0; i < distinct.length; i += size) slices.push(distinct.slice(i, i + size));
  return slices;
}
