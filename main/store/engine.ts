/**
 * What the two engines say differently in a query (issue 19): the queries files ask these instead of writing
 * SQLite's or PostgreSQL's own words, so that one kysely query answers alike on both. Which engine a query runs
 * on is read off its Kysely instance (a transaction's too), so services need not carry it.
 */
import { PostgresAdapter, sql, type Expression, type OrderByModifiers, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from './schema';
import { fold, searchTokens } from './fold';

export type EngineKind = 'sqlite' | 'postgres';

export function engineOf(db: Pick<Db, 'getExecutor'>): EngineKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** A condition that never holds (SQLite has no boolean literal of its own, PostgreSQL no integer as one). */
export const never = sql<boolean>`1 = 0`;
export const always = sql<boolean>`1 = 1`;

/**
 * The column as a filter or sort key that must not drive the choice of index (with a text search the matches
 * are the small set to start from; given the chance, SQLite walks the 95% of cases that are closed). SQLite's
 * own idiom is a unary +, which PostgreSQL refuses on text; an empty concatenation says the same on both.
 */
export function notIndexed<T>(column: string): RawBuilder<T> {
  return sql<T>`(${sql.ref(column)} || '')`;
}

/**
 * Ids of the cases whose child's first or last name starts with each typed word, folded alike (case, å ä ö,
 * é) on both engines: FTS5's remove_diacritics on SQLite, luukku_fold into a tsvector on PostgreSQL. Text
 * with no word in it (a search for ",") matches no name.
 */
export function caseIdsByName(db: Db, text: string): RawBuilder<unknown> {
  const words = searchTokens(text);
  if (!words.length) return sql`SELECT id FROM cases WHERE ${never}`;
  if (engineOf(db) === 'sqlite') {
    // Each word a quoted prefix, so FTS5 reads no operator in it.
    const match = words.map((w) => `"${w}"*`).join(' ');
    return sql`SELECT id FROM cases WHERE rowid IN (SELECT rowid FROM cases_name_fts WHERE cases_name_fts MATCH ${match})`;
  }
  const query = words.map((w) => `${w.replace(/[^\p{L}\p{N}]/gu, '')}:*`).join(' & ');
  return sql`SELECT id FROM cases WHERE name_search @@ to_tsquery('simple', ${query})`;
}

/**
 * Whether `column` contains `text`, both folded by luukku_fold (case, å ä ö, é: store/fold.ts; SQLite has it
 * as an application function, PostgreSQL in the schema), with no wildcard: "%" and "_" typed are text.
 */
export function containsFolded(db: Db, column: string, text: string): RawBuilder<boolean> {
  const folded = fold(text);
  return engineOf(db) === 'sqlite'
    ? sql<boolean>`instr(luukku_fold(${sql.ref(column)}), ${folded}) > 0`
    : sql<boolean>`strpos(luukku_fold(${sql.ref(column)}), ${folded}) > 0`;
}

/** Whole days from `from` to `to`, two `YYYY-MM-DD` dates (or date columns). */
export function daysBetween(db: Db, from: Expression<unknown>, to: Expression<unknown>): RawBuilder<number> {
  return engineOf(db) === 'sqlite'
    ? sql<number>`(julianday(${to}) - julianday(${from}))`
    : sql<number>`(cast(${to} as date) - cast(${from} as date))`;
}

/** How many rows a condition holds for: a count both engines return as a number (never NULL). */
export function countWhere(condition: Expression<SqlBool>): RawBuilder<number> {
  return sql<number>`coalesce(sum(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0)`;
}

/**
 * A sort direction for a column that may be NULL, with NULLs where SQLite puts them (first ascending, last
 * descending), said explicitly on PostgreSQL, whose default is the other way round; its indexes on such
 * columns are built NULLS FIRST (migration 002) so that either direction still reads off them. On SQLite,
 * and for columns that are never NULL, the plain direction, so that the indexes serve the sort.
 */
export function direction(db: Db, dir: 'asc' | 'desc', nullable: boolean): OrderByModifiers {
  if (!nullable || engineOf(db) === 'sqlite') return dir;
  return (ob) => (dir === 'asc' ? ob.asc().nullsFirst() : ob.desc().nullsLast());
}

/**
 * A row's unique key for joins back to a page and as the last sort key: SQLite's rowid (every index carries
 * it, so a sort by an index's columns and then the rowid needs no extra sort step), PostgreSQL's primary key.
 */
export function rowKey(db: Db, alias: string): RawBuilder<string | number> {
  return engineOf(db) === 'sqlite' ? sql`${sql.ref(alias)}.rowid` : sql.ref(`${alias}.id`);
}
