import { sql, type Kysely } from 'kysely';
import { FOLD_FROM, FOLD_TO } from '../../../shared/fold';
import type { Ddl } from './ddl';

/**
 * Queue speed at 200,000 cases (issue 3): the running deadline as an indexed generated column, so the queue
 * sorts by it through an index; and a full-text index of children's names with prefix indexes, so a name
 * search does not scan and decrypt every page. Names are tokens, not trigrams: Finnish surnames share
 * trigrams ("-nen") so widely that trigram lists were as long as the table, while people type the start of
 * a first or last name.
 *
 * SQLite: a VIRTUAL column, and FTS5 kept in sync by triggers, inside the encrypted file. PostgreSQL (issue
 * 19): the column STORED (15 has no virtual ones), the names a folded tsvector with a GIN index, folded by
 * luukku_fold (shared/fold.ts) exactly as FTS5's remove_diacritics and the SQLite side's fold() do.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>, ddl: Ddl): Promise<void> {
  const stored = ddl.engine === 'postgres' ? sql`STORED` : sql`VIRTUAL`;
  await sql`ALTER TABLE cases ADD COLUMN running_due TEXT GENERATED ALWAYS AS (CASE WHEN status = 'ASSESSMENT' THEN complete_due ELSE start_due END) ${stored}`.execute(
    db,
  );
  // NULLS FIRST on PostgreSQL: SQLite's order of NULLs, so the queue's sort by deadline reads off the index in
  // either direction on both engines (engine.ts direction).
  if (ddl.engine === 'postgres')
    await sql`CREATE INDEX cases_running_due ON cases (status, running_due NULLS FIRST)`.execute(db);
  else await db.schema.createIndex('cases_running_due').on('cases').columns(['status', 'running_due']).execute();
  await db.schema.createIndex('cases_received').on('cases').columns(['status', 'received_at']).execute();
  await db.schema.createIndex('cases_municipality').on('cases').columns(['municipality_id', 'status']).execute();
  await db.schema.createIndex('cases_area').on('cases').columns(['area_id', 'status']).execute();
  if (ddl.engine === 'postgres') await namesPostgres(db);
  else await namesSqlite(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
async function namesSqlite(db: Kysely<any>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE cases_name_fts USING fts5(name, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')`.execute(
    db,
  );
  await sql`INSERT INTO cases_name_fts(rowid, name) SELECT rowid, coalesce(child_first_name, '') || ' ' || coalesce(child_last_name, '') FROM cases`.execute(
    db,
  );
  await sql`CREATE TRIGGER cases_name_fts_insert AFTER INSERT ON cases BEGIN
      INSERT INTO cases_name_fts(rowid, name) VALUES (new.rowid, coalesce(new.child_first_name, '') || ' ' || coalesce(new.child_last_name, ''));
    END`.execute(db);
  await sql`CREATE TRIGGER cases_name_fts_update AFTER UPDATE OF child_first_name, child_last_name ON cases BEGIN
      DELETE FROM cases_name_fts WHERE rowid = old.rowid;
      INSERT INTO cases_name_fts(rowid, name) VALUES (new.rowid, coalesce(new.child_first_name, '') || ' ' || coalesce(new.child_last_name, ''));
    END`.execute(db);
  await sql`CREATE TRIGGER cases_name_fts_delete AFTER DELETE ON cases BEGIN
      DELETE FROM cases_name_fts WHERE rowid = old.rowid;
    END`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
async function namesPostgres(db: Kysely<any>): Promise<void> {
  await sql`CREATE FUNCTION luukku_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN translate(t, ${sql.lit(FOLD_FROM)}, ${sql.lit(FOLD_TO)})`.execute(db);
  await sql`ALTER TABLE cases ADD COLUMN name_search tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, luukku_fold(coalesce(child_first_name, '') || ' ' || coalesce(child_last_name, '')))) STORED`.execute(
    db,
  );
  await sql`CREATE INDEX cases_name_search ON cases USING gin (name_search)`.execute(db);
}
