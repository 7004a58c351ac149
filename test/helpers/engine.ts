/**
 * Which engine this test run's stores are on (issue 19 item 3): the `integration` project runs on encrypted
 * SQLite files, `integration-pg` on PostgreSQL (vitest.config.ts). On PostgreSQL each store is a database of
 * its own, made from the migrated template that the global setup prepared (test/setup/postgres.ts).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { EngineKind } from '../../main/store/engine';
import { withDatabase } from '../../main/store/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway cluster's superuser URL (postgres project only). */
    postgresAdminUrl: string;
  }
}

export const TEST_ENGINE: EngineKind = process.env.LUUKKU_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
export const onPostgres = TEST_ENGINE === 'postgres';

/** The migrated, empty database every test database is copied from. */
export const TEMPLATE_DATABASE = 'luukku_template';

let admin: pg.Pool | null = null;
function adminPool(): pg.Pool {
  admin ??= new pg.Pool({ connectionString: inject('postgresAdminUrl'), max: 2 });
  return admin;
}

export function databaseUrl(name: string): string {
  return withDatabase(inject('postgresAdminUrl'), name);
}

/** A new database, migrated (a copy of the template) or empty, and its URL. */
export async function freshDatabase(from: 'template' | 'empty' = 'template'): Promise<{ name: string; url: string }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await adminPool().query(`CREATE DATABASE ${name}${from === 'template' ? ` TEMPLATE ${TEMPLATE_DATABASE}` : ''}`);
  return { name, url: databaseUrl(name) };
}

/** Drops a test's database (its connections must be closed). */
export async function dropDatabase(name: string): Promise<void> {
  await adminPool().query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
