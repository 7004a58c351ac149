/**
 * The audit log's anchor for a PostgreSQL store (issue 19 item 5). The chain and its head live in the
 * database, so whoever can switch its triggers off (a superuser, county IT's DBA) can cut the log's tail and
 * rewrite the head to match. As on SQLite (auditAnchor.ts) the head Luukku has seen committed is therefore
 * also kept outside the store, MAC'd, and `verify` requires the log to still hold it.
 *
 * The difference is the key. On SQLite the anchor's MAC key comes from the store key; a database has no such
 * key, and nothing derived from its credentials would do (the DBA has them). So the Luukku server owns a
 * key file of its own: 32 random bytes, readable only by the server's account (`luukku db init
 * --anchor-key FILE` makes it). The live anchor is kept beside it (`FILE.anchor`), on the server, where the
 * database's administrators do not write; a backup's anchor beside the backup. Each server instance keeps
 * its own anchor file with the same key; the anchor never moves back, except by a restore through Luukku.
 *
 * Once a database has been anchored it says so in `meta`; an anchor file that is there is checked even
 * where that mark has been removed.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { LuukkuError } from '../../shared/errors';
import { GENESIS_HASH } from './audit';
import {
  ANCHORED_KEY,
  ANCHOR_REFRESH_MS,
  anchorFileFinding,
  anchorPath,
  headFinding,
  readAnchor,
  writeAnchor,
  type AnchorKind,
  type ChainHead,
} from './auditAnchor';
import { writeFileAtomically } from './atomicFile';
import type { Db } from './schema';

/** The server's anchor key: the key file and the key it holds. The live anchor is `anchorPath(path)`. */
export interface AnchorKey {
  path: string;
  key: Buffer;
}

const KEY_FORMAT = 'luukku-anchor-key';

/** Reads the key file, refusing one that is missing, malformed or readable by others than its owner. */
export function readAnchorKey(path: string): AnchorKey {
  if (!existsSync(path))
    throw new LuukkuError(
      'KEY_MISSING',
      `The anchor key file ${path} is missing. "luukku db init --anchor-key ${path}" makes one; a lost key file means the anchors made with it cannot be checked.`,
    );
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0)
    throw new LuukkuError(
      'INVALID_INPUT',
      `The anchor key file ${path} may be read by others than its owner: make it readable only by the Luukku server's account (chmod 600).`,
    );
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { format?: unknown; key?: unknown };
    const key = Buffer.from(typeof parsed.key === 'string' ? parsed.key : '', 'hex');
    if (parsed.format !== KEY_FORMAT || key.length !== 32) throw new Error('not an anchor key');
    return { path, key };
  } catch {
    throw new LuukkuError('INVALID_INPUT', `${path} is not a Luukku anchor key file.`);
  }
}

/** Makes the key file if it is not there yet (owner-only, written atomically); returns it either way. */
export function ensureAnchorKey(path: string): AnchorKey & { created: boolean } {
  if (existsSync(path)) return { ...readAnchorKey(path), created: false };
  const key = randomBytes(32);
  writeFileAtomically(path, JSON.stringify({ format: KEY_FORMAT, key: key.toString('hex') }));
  return { path, key, created: true };
}

async function metaValue(db: Db, key: string): Promise<string | undefined> {
  return (await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

/** Whether a Luukku server has anchored this database (then a missing anchor is a finding). */
export async function isAnchored(db: Db): Promise<boolean> {
  return (await metaValue(db, ANCHORED_KEY)) !== undefined;
}

/** The head of the log as committed: each query outside a transaction sees only committed state. */
export async function databaseHead(db: Db): Promise<ChainHead> {
  const value = await metaValue(db, 'audit_head');
  if (!value) return { seq: 0, hash: GENESIS_HASH };
  const [seq, hash] = value.split(':');
  return { seq: Number(seq), hash: hash ?? '' };
}

/** Null when the log holds entry `head.seq` with `head.hash`; otherwise the finding. */
export async function databaseHeadProblem(db: Db, head: ChainHead, where: string): Promise<string | null> {
  if (head.seq === 0) return null;
  const row = await db.selectFrom('audit_log').select('hash').where('seq', '=', head.seq).executeTakeFirst();
  const last = row
    ? head.seq
    : Number(
        (
          await db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.max('seq').as('n'))
            .executeTakeFirst()
        )?.n ?? 0,
      );
  return headFinding(head, row?.hash, last, where);
}

/**
 * Null when the log reaches the anchor kept at `anchorPath(base)`; otherwise the finding. `base` is the key
 * file for the live database, the backup file for a backup (`kind`).
 */
export async function databaseAnchorProblem(
  db: Db,
  base: string,
  key: Buffer,
  kind: AnchorKind = 'live',
): Promise<string | null> {
  const said = anchorFileFinding(readAnchor(base, key, kind), anchorPath(base), kind, await isAnchored(db));
  return 'head' in said ? databaseHeadProblem(db, said.head, 'its anchor outside the database') : said.finding;
}

/** Anchors `head` as the live database's, and marks the database as anchored. */
export async function anchorDatabase(db: Db, anchor: AnchorKey, head: ChainHead): Promise<void> {
  writeAnchor(anchor.path, anchor.key, head);
  await db
    .insertInto('meta')
    .values({ key: ANCHORED_KEY, value: 'server' })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

/**
 * Keeps the live anchor of an open database up to date: every few seconds and on close, from committed
 * state only. Once the log no longer reaches the anchor, the anchor is left as it is (the evidence).
 */
export class DatabaseAnchorKeeper {
  private written: ChainHead | null = null;
  private frozen = false;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly anchor: AnchorKey,
  ) {}

  /** The first refresh: it finds a log that no longer reaches the anchor before anything is written. */
  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), ANCHOR_REFRESH_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await this.refresh();
  }

  /** What the last check found; null while the log reaches the anchor. */
  finding: string | null = null;

  refresh(): Promise<void> {
    this.running ??= this.anchorHead().finally(() => (this.running = null));
    return this.running;
  }

  private async anchorHead(): Promise<void> {
    if (this.frozen) return;
    try {
      const head = await databaseHead(this.db);
      if (this.written && this.written.seq === head.seq && this.written.hash === head.hash) return;
      this.finding = await databaseAnchorProblem(this.db, this.anchor.path, this.anchor.key);
      if (this.finding) {
        this.frozen = true;
        console.error('[luukku] the audit log does not match its anchor:', this.finding);
        return;
      }
      // Another instance with the same key file may have anchored a later head: the anchor never moves back.
      const current = readAnchor(this.anchor.path, this.anchor.key);
      if (current.state !== 'ok' || current.head.seq < head.seq) await anchorDatabase(this.db, this.anchor, head);
      this.written = head;
    } catch (error) {
      // The database or the disk away for a moment: the anchor lags, and the next refresh tries again.
      console.warn('[luukku] the audit-log anchor could not be refreshed:', (error as Error).message);
    }
  }
}
