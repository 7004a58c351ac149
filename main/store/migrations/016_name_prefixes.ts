import { sql, type Kysely } from 'kysely';
import type { Ddl } from './ddl';

/**
 * A name search as fast on PostgreSQL as on SQLite (issue 19). Migration 2 indexed each name as a whole
 * word and searched "ain:* & virt:*": GIN answers a prefix by collecting every case under every word that
 * starts so, thousands for a common surname, before it intersects them (2-4 ms on 200,000 cases). Now the
 * column holds every prefix of every folded name word ("ain", "aino", "v", "vi", ...), so a typed start is
 * a whole lexeme and GIN intersects the posting lists directly, as SQLite's FTS5 does with its prefix
 * indexes. The same tokens as before (to_tsvector 'simple' over luukku_fold), the same matches.
 *
 * The function has an SQL-standard body, parsed once at creation: pg_restore, which runs with an empty
 * search_path, computes the generated column with it. SQLite: nothing changes (FTS5 keeps its prefixes).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
export async function up(db: Kysely<any>, ddl: Ddl): Promise<void> {
  if (ddl.engine !== 'postgres') return;
  await sql`CREATE FUNCTION luukku_name_prefixes(name text) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (SELECT coalesce(array_to_tsvector(array_agg(DISTINCT left(t.lexeme, n))), ''::tsvector)
      FROM unnest(to_tsvector('simple'::regconfig, luukku_fold(name))) AS t, generate_series(1, length(t.lexeme)) AS n)`.execute(
    db,
  );
  await sql`DROP INDEX cases_name_search`.execute(db);
  await sql`ALTER TABLE cases DROP COLUMN name_search`.execute(db);
  await sql`ALTER TABLE cases ADD COLUMN name_search tsvector GENERATED ALWAYS AS (luukku_name_prefixes(coalesce(child_first_name, '') || ' ' || coalesce(child_last_name, ''))) STORED`.execute(
    db,
  );
  await sql`CREATE INDEX cases_name_search ON cases USING gin (name_search)`.execute(db);
  // The table was rewritten: fresh statistics for the planner now (VACUUM cannot run in the migration's
  // transaction; autovacuum sets the visibility map soon after).
  await sql`ANALYZE cases`.execute(db);
}
