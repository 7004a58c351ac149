/**
 * What the two engines' DDL must say differently (issue 19), for the migrations of the one registry. Every
 * migration runs the same numbered step on both; where SQLite and PostgreSQL differ it asks this.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { EngineKind } from '../engine';

export interface Ddl {
  engine: EngineKind;
  /** An integer key the store numbers: AUTOINCREMENT on SQLite, an identity column on PostgreSQL. */
  autoId(c: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** A fraction such as an FTE: SQLite's REAL is 8 bytes, PostgreSQL's would be 4 (0.8 read as 0.800000011920929). */
  real: 'real' | 'double precision';
  blob: 'blob' | 'bytea';
  /** Refuses every UPDATE and DELETE of the table's rows (and TRUNCATE on PostgreSQL): the audit log's. */
  appendOnly(db: Kysely<unknown>, table: string): Promise<void>;
}

const sqliteDdl: Ddl = {
  engine: 'sqlite',
  autoId: (c) => c.primaryKey().autoIncrement(),
  real: 'real',
  blob: 'blob',
  async appendOnly(db, table) {
    for (const [op, name] of [
      ['UPDATE', 'no_update'],
      ['DELETE', 'no_delete'],
    ] as const) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_${name} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
        )
        .execute(db);
    }
  },
};

const postgresDdl: Ddl = {
  engine: 'postgres',
  autoId: (c) => c.primaryKey().generatedByDefaultAsIdentity(),
  real: 'double precision',
  blob: 'bytea',
  async appendOnly(db, table) {
    await sql`CREATE OR REPLACE FUNCTION luukku_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege'; END $$`.execute(
      db,
    );
    await sql
      .raw(
        `CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION luukku_append_only()`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION luukku_append_only()`,
      )
      .execute(db);
  },
};

export const ddlFor = (engine: EngineKind): Ddl => (engine === 'postgres' ? postgresDdl : sqliteDdl);
