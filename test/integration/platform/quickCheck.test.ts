// SQLite only (vitest.config.ts SQLITE_ONLY): about SQLite's quick check of the store file's pages.
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../../main/app/core';
import { cutAuditTail } from '../../helpers/tamper';
import { createDemoStore, PASSPHRASE, tempDir } from '../../helpers/stores';

let dir: string;
let cleanup: () => void;
let core: Core | undefined;
beforeEach(() => ({ dir, cleanup } = tempDir('luukku-check-')));
afterEach(async () => {
  await core?.close();
  cleanup();
});

async function openChecked(path: string) {
  core = new Core({ storePath: path, version: 't', quickCheck: true });
  await core.start();
  const status = await core.unlock(PASSPHRASE);
  expect(status.phase).toBe('SIGNED_OUT');
  for (let i = 0; i < 200 && core.status().integrity === 'CHECKING'; i++) await new Promise((r) => setTimeout(r, 50));
  return core.status().integrity;
}

describe('the quick check at start-up', () => {
  it('runs beside the app after the store opens and finds an intact store intact', async () => {
    const path = join(dir, 'ok.db');
    await (await createDemoStore(path, 300)).store.close();
    expect(await openChecked(path)).toBe('OK');
  });

  it('finds a damaged page the opening itself did not read', async () => {
    const path = join(dir, 'bad.db');
    await (await createDemoStore(path, 3000)).store.close();
    // Flip bytes in the middle of the file: page 1 (read on opening) stays intact.
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(32, 0x55), 0, 32, Math.floor(statSync(path).size / 2 / 4096) * 4096 + 1000);
    closeSync(fd);
    expect(await openChecked(path)).toBe('DAMAGED');
  });

  it('tells when the audit log was cut short and its head rewritten: the anchor beside the store records more', async () => {
    const path = join(dir, 'cut.db');
    const { store, key } = await createDemoStore(path, 300);
    await store.close();
    cutAuditTail(path, key, 1);
    expect(await openChecked(path)).toBe('LOG_ALTERED');
  });
});
