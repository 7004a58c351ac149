/**
 * Where PostgreSQL's own programs are: LUUKKU_PG_BIN, else the newest of Debian's server installs
 * (/usr/lib/postgresql/<version>/bin). `luukku verify` runs pg_amcheck from here; the tests' throwaway
 * cluster runs initdb and pg_ctl.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function postgresBinDir(program = 'initdb'): string | null {
  const named = process.env.LUUKKU_PG_BIN;
  if (named) return existsSync(join(named, program)) ? named : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', program)))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0]!, 'bin') : null;
}
