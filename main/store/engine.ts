/**
 * What the two engines say differently in a query (issue 19): the queries files ask these instead of writing
 * SQLite's or PostgreSQL's own words, so that one kysely query answers alike on both. Which engine a query runs
 * on is read off its Kysely instance (a transaction's too), so services need not carry it.
 */
import { PostgresAdapter, sql, type Expression, type OrderByModifiers, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from './schema';
import { fold, searchTokens } from '../../shared/fold';

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
 * Whether case `c` matches a free-text search: its child's first or last name starts with each typed word,
 * folded alike (case, å ä ö, é) on both engines, or the text is its identity code, source id or case id
 * exactly. Text with no word in it (a search for ",") matches no name.
 *
 * Each engine is given the form its planner starts from the matches with, instead of testing every case of
 * the view: on SQLite one set of candidate rowids (FTS5's, which are the cases' own, and the key indexes',
 * unioned: as ids, each match cost two more index lookups, 6.5 ms against 2.5 ms per pass for a surname that
 * 5,700 of 200,000 cases have); on PostgreSQL the conditions on `c` itself, which it reads as one bitmap of
 * the GIN and key indexes. (PostgreSQL given the id set instead hash-joins it against a scan of every case:
 * 200 ms for a common surname on 200,000.)
 */
export function caseTextMatches(db: Db, text: string): RawBuilder<boolean> {
  const words = searchTokens(text);
  const hetu = text.toUpperCase();
  if (engineOf(db) === 'sqlite') {
    // Each word a quoted prefix, so FTS5 reads no operator in it.
    const match = words.map((w) => `"${w}"*`).join(' ');
    const byName = words.length
      ? sql`SELECT rowid FROM cases_name_fts WHERE cases_name_fts MATCH ${match}`
      : sql`SELECT rowid FROM cases WHERE ${never}`;
    return sql<boolean>`c.rowid IN (${byName}
    UNION SELECT rowid FROM cases WHERE child_hetu = ${hetu}
    UNION SELECT rowid FROM cases WHERE external_id = ${text}
    UNION SELECT rowid FROM cases WHERE id = ${text})`;
  }
  // Every prefix of a name word is a lexeme of its own (migration 16), so a typed start matches whole.
  const query = words.map((w) => w.replace(/[^\p{L}\p{N}]/gu, '')).join(' & ');
  const byName = words.length ? sql`c.name_search @@ to_tsquery('simple', ${query})` : never;
  return sql<boolean>`(${byName} OR c.child_hetu = ${hetu} OR c.external_id = ${text} OR c.id = ${text})`;
}

/**
 * Whether `column` contains `text`, both folded by luukku_fold (case, å ä ö, é: shared/fold.ts; SQLite has it
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
