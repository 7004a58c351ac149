/**
 * Global setup of the PostgreSQL test project (issue 19 item 7): a throwaway cluster for the run, and the
 * template database the tests copy, migrated once by Luukku's own migrations. Stopped and removed at the end.
 */
import type { TestProject } from 'vitest/node';
import { openPostgresStore } from '../../main/store/postgres';
import { startCluster } from '../helpers/postgresCluster';
import pg from 'pg';

const TEMPLATE = 'luukku_template';

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = startCluster();
  try {
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE}`);
    await admin.end();
    // verify runs pg_amcheck, which needs the extension (the owner or county IT creates it: README).
    const template = new pg.Client({ connectionString: cluster.urlOf(TEMPLATE) });
    await template.connect();
    await template.query('CREATE EXTENSION amcheck');
    await template.end();
    const store = await openPostgresStore(cluster.urlOf(TEMPLATE), { schema: 'migrate' });
    await store.close();
  } catch (error) {
    cluster.stop();
    throw error;
  }
  project.provide('postgresAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}
