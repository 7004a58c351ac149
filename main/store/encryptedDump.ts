/**
 * A database backup file (issue 19 item 5): pg_dump's custom format, encrypted as it streams out of pg_dump
 * and decrypted as it streams into pg_restore, so the county's data never lies on disk in plaintext in a file
 * Luukku writes. Layout: `LUUKKU-PGDUMP-1\n`, a 12-byte IV, the AES-256-GCM ciphertext, the 16-byte tag. The
 * key is random per backup and wrapped by the passphrase in `FILE.keys`, as a store file's backup is.
 *
 * A restore reads the whole file against the tag first (listing what it holds), and feeds pg_restore (one
 * transaction) after; it ends pg_restore's input only once the tag has matched again, otherwise it kills
 * pg_restore, whose transaction then never commits.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import {
  rmSync,
  writeFileSync,
  closeSync,
  createReadStream,
  createWriteStream,
  fstatSync,
  fsyncSync,
  openSync,
  readSync,
  writeSync,
} from 'node:fs';
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LuukkuError } from '../../shared/errors';
import { spawnTool, type ToolResult } from './postgresTools';

const MAGIC = Buffer.from('LUUKKU-PGDUMP-1\n');
const IV_BYTES = 12;
const TAG_BYTES = 16;

function failed(step: string, result: ToolResult): LuukkuError {
  return new LuukkuError('STORAGE_ERROR', `${step} failed: ${result.output.split('\n')[0] || `exit ${result.status}`}`);
}

/** Dumps the database at `url` into `out`, encrypted with `key`. */
export async function dumpEncrypted(url: string, out: string, key: Buffer): Promise<void> {
  const { child, done } = spawnTool('pg_dump', (uri) => ['--format=custom', `--dbname=${uri}`], url);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const file = createWriteStream(out, { mode: 0o600 });
  file.write(Buffer.concat([MAGIC, iv]));
  await pipeline(child.stdout, cipher, file);
  const result = await done;
  if (result.status !== 0) throw failed('pg_dump', result);
  const fd = openSync(out, 'a');
  try {
    writeSync(fd, cipher.getAuthTag());
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function header(path: string): { iv: Buffer; tag: Buffer; end: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(MAGIC.length + IV_BYTES);
    const tag = Buffer.alloc(TAG_BYTES);
    if (size < head.length + TAG_BYTES || readSync(fd, head, 0, head.length, 0) !== head.length)
      throw new Error('short');
    if (!head.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a dump');
    readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
    return { iv: head.subarray(MAGIC.length), tag, end: size - TAG_BYTES - 1 };
  } catch {
    throw new LuukkuError('STORE_CORRUPT', `${path} is not a Luukku database backup.`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Until the program can take more input, or has gone. A program that has read what it needs (pg_restore
 * --list) closes its input, and the write under way then fails with EPIPE: that is its exit, not a damaged
 * backup, so an error on its input ends the wait like its close does (its status says how it ended).
 */
function writable(child: ChildProcessByStdio<Writable, Readable, Readable>): Promise<void> {
  return new Promise((resolve) => {
    const go = () => {
      child.stdin.off('drain', go);
      child.stdin.off('error', go);
      child.off('close', go);
      resolve();
    };
    child.stdin.on('drain', go);
    child.stdin.on('error', go);
    child.on('close', go);
  });
}

/**
 * Streams the decrypted backup into `program`'s input, ending it only once the tag matched; otherwise the
 * program is killed and the backup reported as altered. Returns the program's result and output.
 */
async function feed(
  from: string,
  key: Buffer,
  program: string,
  args: (uri: string) => string[],
  url: string,
): Promise<{ result: ToolResult; stdout: string }> {
  const { iv, tag, end } = header(from);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  const { child, done } = spawnTool(program, args, url);
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  try {
    await pipeline(createReadStream(from, { start: MAGIC.length + IV_BYTES, end }), decipher, async (source) => {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        // A program that has read what it needs (pg_restore --list) still gets the rest checked against the tag.
        if (child.exitCode !== null) continue;
        if (!child.stdin.write(chunk)) await writable(child);
      }
    });
  } catch {
    child.kill('SIGKILL');
    await done;
    throw new LuukkuError(
      'STORE_CORRUPT',
      `${from} has been altered or damaged (or its .keys belong to another backup): nothing was restored from it.`,
    );
  }
  child.stdin.end();
  return { result: await done, stdout };
}

/**
 * Restores the backup `from` into the database at `url` in one transaction (pg_restore --single-transaction),
 * objects owned by the role restoring and no grants (`luukku db init` grants the service role). Extensions
 * (amcheck) are left out: creating one may need a superuser, and Luukku's tables do not depend on them.
 */
export async function restoreEncrypted(from: string, key: Buffer, url: string): Promise<void> {
  const listed = await feed(from, key, 'pg_restore', () => ['--list'], url);
  if (listed.result.status !== 0) throw failed('Reading the backup', listed.result);
  const list = join(dirname(from), `.${basename(from)}.list-${process.pid}`);
  const entries = listed.stdout.split('\n').filter((line) => !/ EXTENSION /.test(line));
  writeFileSync(list, entries.join('\n'), { mode: 0o600 });
  try {
    const restored = await feed(
      from,
      key,
      'pg_restore',
      (uri) => [
        '--single-transaction',
        '--exit-on-error',
        '--no-owner',
        '--no-privileges',
        `--use-list=${list}`,
        `--dbname=${uri}`,
      ],
      url,
    );
    if (restored.result.status !== 0) throw failed('Restoring the backup', restored.result);
  } finally {
    rmSync(list, { force: true });
  }
}
