/**
 * Two file-level defences of issue 16: the native store module is loaded only from the app's own folder
 * (item 10), and the app's audit witness is sealed by the OS keychain (item 8).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nativeBinding } from '../../main/store/native';
import { fileWitness, readWitness, recordWitness, sealedWitness } from '../../main/store/auditWitness';

const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'luukku-unit-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const plant = (root: string, version: string) => {
  const folder = join(root, 'build', 'native', `electron-${version}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'better_sqlite3.node'), 'planted');
  return join(folder, 'better_sqlite3.node');
};

describe('the native store module under Electron', () => {
  it("is taken from the app's own folder or resources, never from the working directory or the environment", () => {
    const attacker = temp();
    const planted = plant(attacker, '39.0.0');
    const cwd = process.cwd();
    process.env.LUUKKU_NATIVE_BINDING = planted;
    try {
      process.chdir(attacker);
      expect(nativeBinding('39.0.0', join(temp(), 'app'), undefined)).toBeUndefined();
    } finally {
      process.chdir(cwd);
      delete process.env.LUUKKU_NATIVE_BINDING;
    }
    const app = temp();
    expect(nativeBinding('39.0.0', app, undefined)).toBeUndefined();
    expect(nativeBinding('39.0.0', app, undefined)).not.toBe(planted);
    const own = plant(app, '39.0.0');
    expect(nativeBinding('39.0.0', app, undefined)).toBe(own);
    // Plain Node (CLI, tests) uses the package's own build.
    expect(nativeBinding(undefined, app, undefined)).toBeUndefined();
  });
});

describe('the keychain-sealed witness', () => {
  // A stand-in for safeStorage: reversible, and not the plain text.
  const keychain = {
    backend: 'test',
    encrypt: (plain: Buffer) => Buffer.from(plain.map((b) => b ^ 0x5a)),
    decrypt: (sealed: Buffer) => {
      if (sealed[0] !== ('{'.charCodeAt(0) ^ 0x5a)) throw new Error('not sealed by this keychain');
      return Buffer.from(sealed.map((b) => b ^ 0x5a));
    },
  };
  const key = Buffer.alloc(32, 7);
  const head = { seq: 42, hash: 'ab'.repeat(32) };

  it('keeps the head readable only through the keychain, and a file written without it counts as altered', () => {
    const path = join(temp(), 'w', 'store.witness');
    const sealed = sealedWitness(fileWitness(path), keychain);
    expect(readWitness(sealed, key)).toEqual({ state: 'none' });
    recordWitness(sealed, key, head);
    expect(readFileSync(path).toString('utf8')).not.toContain('"seq"');
    expect(readWitness(sealed, key)).toEqual({ state: 'ok', head });
    // Someone with the store key but not the keychain writes a well-formed witness in the clear.
    recordWitness(fileWitness(path), key, { seq: 3, hash: 'cd'.repeat(32) });
    expect(readWitness(sealed, key)).toEqual({ state: 'altered' });
    // And a witness of another store (another key) is not this one's.
    recordWitness(sealed, Buffer.alloc(32, 9), head);
    expect(readWitness(sealed, key)).toEqual({ state: 'altered' });
  });
});
