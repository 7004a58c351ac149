/**
 * The last-seen head of the audit log, kept outside the store folder: the witness.
 *
 * The anchor beside the store (auditAnchor.ts) catches a log cut or rewritten by someone without the store
 * key. Whoever holds the key (the recovery passphrase opens it) can re-MAC that anchor, and anyone can put
 * an older copy of the store folder back. What they cannot do is reach back into a record kept elsewhere:
 *
 * - in the desktop app, a file in the user's own application data (not the store folder), sealed by the
 *   OS keychain (Electron safeStorage): forging it needs the workstation user's keychain, not the store key;
 * - for the admin CLI, a file the admin names (`--witness FILE` or `LUUKKU_WITNESS`), kept where the store's
 *   files are not (another disk, another machine, the admin's own folder).
 *
 * Each time the anchor is refreshed the witness is too. `verify` (and the app at start-up) then requires
 * the log to hold the witnessed entry with the witnessed hash: a log cut, rewritten or rolled back past
 * what this workstation (or the admin) has seen is found even with a re-MAC'd anchor. A restore through
 * Luukku moves the witness to the restored head on purpose, and the restore itself is in the log.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KeychainProtector } from '../security/keyfile';
import { headProblem, type ChainHead } from './auditAnchor';
import { writeFileAtomically } from './atomicFile';
import type { SqliteHandle } from './open';

/** Where the witness is kept: raw bytes in and out, and a name for messages. */
export interface HeadWitness {
  describe: string;
  read(): Buffer | null;
  write(data: Buffer): void;
}

/** A plain file (the CLI's: the admin keeps it where the store's files are not). */
export function fileWitness(path: string): HeadWitness {
  return {
    describe: `the witness file ${path}`,
    read: () => (existsSync(path) ? readFileSync(path) : null),
    write: (data) => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileAtomically(path, data);
    },
  };
}

/** A witness sealed by the OS keychain: readable and writable only as the workstation's user. */
export function sealedWitness(inner: HeadWitness, keychain: KeychainProtector): HeadWitness {
  return {
    describe: `${inner.describe} (sealed by the OS keychain)`,
    read: () => {
      const sealed = inner.read();
      if (!sealed) return null;
      try {
        return keychain.decrypt(sealed);
      } catch {
        return Buffer.from('unreadable');
      }
    },
    write: (data) => inner.write(keychain.encrypt(data)),
  };
}

function mac(key: Buffer, head: ChainHead): string {
  const macKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'luukku audit witness', 32));
  return createHmac('sha256', macKey).update(`v1:${head.seq}:${head.hash}`).digest('hex');
}

export function recordWitness(witness: HeadWitness, key: Buffer, head: ChainHead): void {
  witness.write(Buffer.from(JSON.stringify({ seq: head.seq, hash: head.hash, mac: mac(key, head) })));
}

type Witnessed = { state: 'none' } | { state: 'altered' } | { state: 'ok'; head: ChainHead };

export function readWitness(witness: HeadWitness, key: Buffer): Witnessed {
  const data = witness.read();
  if (!data) return { state: 'none' };
  try {
    const parsed = JSON.parse(data.toString('utf8')) as { seq?: unknown; hash?: unknown; mac?: unknown };
    if (!Number.isSafeInteger(parsed.seq) || typeof parsed.hash !== 'string' || typeof parsed.mac !== 'string')
      return { state: 'altered' };
    const head = { seq: parsed.seq as number, hash: parsed.hash };
    const given = Buffer.from(parsed.mac, 'hex');
    const expected = Buffer.from(mac(key, head), 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected)
      ? { state: 'ok', head }
      : { state: 'altered' };
  } catch {
    return { state: 'altered' };
  }
}

/**
 * Null when the log still holds the head the witness last saw (or nothing was witnessed yet); otherwise
 * the finding. A store never witnessed here (a new workstation, a new witness file) starts its record now.
 */
export function witnessProblem(sqlite: SqliteHandle, key: Buffer, witness: HeadWitness): string | null {
  const seen = readWitness(witness, key);
  if (seen.state === 'none') return null;
  if (seen.state === 'altered')
    return `${witness.describe} has been altered or belongs to another store, so the end of the log cannot be confirmed`;
  return headProblem(
    sqlite,
    seen.head,
    `${witness.describe}, which keeps the last head seen outside the store folder,`,
  );
}
