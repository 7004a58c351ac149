/**
 * Least privilege on PostgreSQL (issue 19 item 4): two roles. The owner (county IT's, used by `luukku db
 * init`) owns the schema and migrates it; the service role Luukku runs as may read and write the client data
 * but only append to the audit log: no UPDATE, DELETE or TRUNCATE of `audit_log` and `audit_cases`, and as it
 * owns nothing it cannot drop their append-only triggers or alter a table. The database then refuses a
 * rewrite of the log by Luukku's own credentials, not only Luukku's code.
 */
import { sql } from 'kysely';
import { LuukkuError } from '../../shared/errors';
import type { Db } from './schema';

const APPEND_ONLY = ['audit_log', 'audit_cases'] as const;

/** A role name as PostgreSQL's identifiers allow it unquoted, so that it can be named in GRANT safely. */
function roleIdentifier(role: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role))
    throw new LuukkuError(
      'INVALID_INPUT',
      `The service role "${role}" must be lower-case letters, digits and _ (at most 63), starting with a letter.`,
    );
  return role;
}

/**
 * Creates the service role if it is missing (the owner needs CREATEROLE for that; county IT may create it
 * beforehand instead) and grants it what Luukku needs, no more. Run again after every migration: new tables
 * get their grants the same way.
 */
export async function grantServiceRole(db: Db, role: string, password: string | null): Promise<void> {
  const name = sql.id(roleIdentifier(role));
  const exists = await sql<{ n: number }>`SELECT count(*) AS n FROM pg_roles WHERE rolname = ${role}`.execute(db);
  if (!exists.rows[0]?.n) {
    if (password === null)
      throw new LuukkuError('INVALID_INPUT', `The role ${role} does not exist: give its password in the service URL.`);
    await sql`CREATE ROLE ${name} LOGIN PASSWORD ${sql.lit(password)}`.execute(db);
  }
  const database = sql.id((await sql<{ d: string }>`SELECT current_database() AS d`.execute(db)).rows[0]!.d);
  await sql`GRANT CONNECT ON DATABASE ${database} TO ${name}`.execute(db);
  await sql`GRANT USAGE ON SCHEMA public TO ${name}`.execute(db);
  await sql`REVOKE CREATE ON SCHEMA public FROM ${name}`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${name}`.execute(db);
  await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${name}`.execute(db);
  await sql`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON luukku_schema FROM ${name}`.execute(db);
  for (const table of APPEND_ONLY)
    await sql`REVOKE UPDATE, DELETE, TRUNCATE ON ${sql.table(table)} FROM ${name}`.execute(db);
}

/**
 * PostgreSQL's own page and index check for `luukku verify` (pg_amcheck needs the extension). Creating it
 * takes a superuser on most servers: where the owner may not, county IT can, and verify says it did not run.
 */
export async function tryCreateAmcheck(db: Db): Promise<boolean> {
  try {
    await sql`CREATE EXTENSION IF NOT EXISTS amcheck`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** The role a database URL signs in as. */
export function roleOfUrl(url: string): { role: string; password: string | null } {
  const u = new URL(url);
  if (!u.username)
    throw new LuukkuError('INVALID_INPUT', 'The service URL must name its role: postgres://role@host/db');
  return { role: decodeURIComponent(u.username), password: u.password ? decodeURIComponent(u.password) : null };
}
