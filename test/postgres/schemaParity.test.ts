/**
 * One registry of migrations, two engines (issue 19 item 2): after migrating, SQLite and PostgreSQL have the
 * same tables, the same columns with the same nullability and kind of type, the same indexes, primary keys
 * and unique constraints. Only what each engine does its own way differs, and that is named here: the name search (FTS5's
 * tables on SQLite, a tsvector column and its GIN index on PostgreSQL) and where the schema version is kept.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../main/store/postgres';
import { engineOf } from '../../main/store/engine';
import type { Database } from '../../main/store/schema';
import { createEmptyStore, tempDir } from '../helpers/stores';
import { dropDatabase, freshDatabase } from '../helpers/engine';
import { join } from 'node:path';

const temp = tempDir();
afterAll(() => temp.cleanup());

/** The kind of a column's type, as both engines name it. */
function kind(type: string): string {
  const t = type.toLowerCase();
  if (t === 'int4' || t === 'integer' || t === 'int8' || t === 'bigint') return 'integer';
  if (t === 'real' || t === 'float8' || t === 'double precision') return 'real';
  if (t === 'blob' || t === 'bytea') return 'bytes';
  return t;
}

const ENGINE_OWN = {
  sqlite: { tables: /^cases_name_fts/, columns: /^$/, indexes: /^$/ },
  postgres: { tables: /^luukku_schema$/, columns: /^cases\.name_search$/, indexes: /^cases_name_search$/ },
};

/** Each table's primary key as `table(col,...)`. */
async function primaryKeysOf(db: Kysely<Database>): Promise<string[]> {
  const keys =
    engineOf(db) === 'sqlite'
      ? await sql<{ key: string }>`SELECT m.name || '(' || group_concat(p.name, ',') || ')' AS key
          FROM sqlite_master m, pragma_table_info(m.name) p
          WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE 'cases_name_fts%' AND p.pk > 0
          GROUP BY m.name`.execute(db)
      : await sql<{
          key: string;
        }>`SELECT tc.table_name || '(' || string_agg(k.column_name, ',' ORDER BY k.ordinal_position) || ')' AS key
          FROM information_schema.table_constraints tc
          JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name AND k.table_name = tc.table_name
          WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema() AND tc.table_name <> 'luukku_schema'
          GROUP BY tc.table_name`.execute(db);
  return keys.rows.map((k) => k.key).sort();
}

/** Generated columns, which SQLite's table_info (and so kysely's introspection) leaves out; table_xinfo has them. */
async function generatedColumnsOnSqlite(db: Kysely<Database>): Promise<string[]> {
  if (engineOf(db) !== 'sqlite') return [];
  const rows = await sql<{ t: string; c: string; type: string; nn: number }>`
    SELECT m.name AS t, x.name AS c, x.type AS type, x."notnull" AS nn
    FROM sqlite_master m, pragma_table_xinfo(m.name) x WHERE m.type = 'table' AND x.hidden IN (2, 3)`.execute(db);
  return rows.rows.map((r) => `${r.t}.${r.c} ${kind(r.type)}${r.nn ? ' not null' : ''}`);
}

async function describeSchema(db: Kysely<Database>) {
  const own = ENGINE_OWN[engineOf(db)];
  const tables = (await db.introspection.getTables()).filter((t) => !own.tables.test(t.name));
  const primaryKeys = await primaryKeysOf(db);
  // A primary key is never NULL on PostgreSQL; SQLite's introspection reports its text keys as nullable.
  const inKey = (table: string, column: string) =>
    primaryKeys.some(
      (k) =>
        k.startsWith(`${table}(`) &&
        k
          .slice(table.length + 1, -1)
          .split(',')
          .includes(column),
    );
  const columns = tables
    .flatMap((t) =>
      t.columns.map((c) => {
        const nullable = c.isNullable && !inKey(t.name, c.name);
        return `${t.name}.${c.name} ${kind(c.dataType)}${nullable ? '' : ' not null'}`;
      }),
    )
    .concat(await generatedColumnsOnSqlite(db))
    .filter((c) => !own.columns.test(c.split(' ')[0]!))
    .sort();
  const indexes =
    engineOf(db) === 'sqlite'
      ? await sql<{ name: string; table: string }>`SELECT name, tbl_name AS "table" FROM sqlite_master
          WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%'`.execute(db)
      : await sql<{ name: string; table: string }>`SELECT indexname AS name, tablename AS "table" FROM pg_indexes
          WHERE schemaname = current_schema() AND indexname NOT IN (SELECT conname FROM pg_constraint)`.execute(db);
  return {
    tables: tables.map((t) => t.name).sort(),
    columns,
    indexes: indexes.rows
      .filter((i) => !own.indexes.test(i.name))
      .map((i) => `${i.table}.${i.name}`)
      .sort(),
    primaryKeys,
    unique: await uniqueConstraintsOf(db),
  };
}

/** Each UNIQUE constraint as `table(col,...)` (their indexes are the engines' own: autoindexes, `_key`). */
async function uniqueConstraintsOf(db: Kysely<Database>): Promise<string[]> {
  const rows =
    engineOf(db) === 'sqlite'
      ? await sql<{
          key: string;
        }>`SELECT m.name || '(' || (SELECT group_concat(ii.name, ',') FROM pragma_index_info(il.name) ii) || ')' AS key
          FROM sqlite_master m, pragma_index_list(m.name) il WHERE m.type = 'table' AND il.origin = 'u'`.execute(db)
      : await sql<{
          key: string;
        }>`SELECT c.conrelid::regclass::text || '(' || string_agg(a.attname, ',' ORDER BY k.n) || ')' AS key
          FROM pg_constraint c, unnest(c.conkey) WITH ORDINALITY AS k(attnum, n), pg_attribute a
          WHERE c.contype = 'u' AND a.attrelid = c.conrelid AND a.attnum = k.attnum
            AND c.connamespace = current_schema()::regnamespace GROUP BY c.oid, c.conrelid`.execute(db);
  return rows.rows.map((r) => r.key).sort();
}

describe('the two engines’ schemas', () => {
  it('have the same tables, columns, indexes and primary keys after migrating', async () => {
    const { store: file } = await createEmptyStore(join(temp.dir, 'parity.db'));
    const database = await freshDatabase('empty');
    const pg = await openPostgresStore(database.url, { schema: 'migrate' });
    try {
      const [onSqlite, onPostgres] = [await describeSchema(file.db), await describeSchema(pg.db)];
      expect(onSqlite.tables.length).toBeGreaterThan(20);
      expect(onPostgres.tables).toEqual(onSqlite.tables);
      expect(onPostgres.columns).toEqual(onSqlite.columns);
      expect(onPostgres.indexes).toEqual(onSqlite.indexes);
      expect(onPostgres.primaryKeys).toEqual(onSqlite.primaryKeys);
      expect(onSqlite.unique.length).toBeGreaterThan(0);
      expect(onPostgres.unique).toEqual(onSqlite.unique);
    } finally {
      await file.close();
      await pg.close();
      await dropDatabase(database.name);
    }
  });
});
