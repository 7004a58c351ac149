/**
 * The audit log's anchor outside the store. The chain's head in `meta` catches a removed tail, unless
 * whoever removed it (with the key, directly in SQLite) also rewrote the head. So the store also writes
 * the head it has reached to a file beside it (`<store>.anchor`, MAC'd with a key derived from the store
 * key): `verify` then fails when the log no longer reaches the anchored entry with the anchored hash.
 *
 * The anchor is refreshed every few seconds while the store is open and when it closes; it may lag the
 * log (a crash between refreshes), never lead it, since it is only ever written from committed state.
 * An anchor the log no longer matches is never overwritten: it is the evidence. Backups carry their own.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type { SqliteHandle } from './open';

/** Whether this store has been anchored: once it has, a missing anchor file is a finding. */
const ANCHORED_KEY = 'audit_anchor';
const HEAD_KEY = 'audit_head';
const GENESIS = { seq: 0, hash: '0'.repeat(64) };
export const ANCHOR_REFRESH_MS = 2_000;

export interface ChainHead {
  seq: number;
  hash: string;
}

export const ANCHOR_SUFFIX = '.anchor';
export const anchorPath = (storePath: string): string => `${storePath}${ANCHOR_SUFFIX}`;

function mac(key: Buffer, head: ChainHead): Buffer {
  const macKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'luukku audit anchor', 32));
  return createHmac('sha256', macKey).update(`${head.seq}:${head.hash}`).digest();
}

function metaValue(sqlite: SqliteHandle, key: string): string | undefined {
  const row = sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function committedHead(sqlite: SqliteHandle): ChainHead {
  const value = metaValue(sqlite, HEAD_KEY);
  if (!value) return GENESIS;
  const [seq, hash] = value.split(':');
  return { seq: Number(seq), hash: hash ?? '' };
}

type AnchorFile = { state: 'missing' } | { state: 'altered' } | { state: 'ok'; head: ChainHead };

export function readAnchor(storePath: string, key: Buffer): AnchorFile {
  const path = anchorPath(storePath);
  if (!existsSync(path)) return { state: 'missing' };
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { seq?: unknown; hash?: unknown; mac?: unknown };
    const { seq, hash } = parsed;
    if (!Number.isSafeInteger(seq) || typeof hash !== 'string' || typeof parsed.mac !== 'string') {
      return { state: 'altered' };
    }
    const head = { seq: seq as number, hash };
    const given = Buffer.from(parsed.mac, 'hex');
    const expected = mac(key, head);
    return given.length === expected.length && timingSafeEqual(given, expected)
      ? { state: 'ok', head }
      : { state: 'altered' };
  } catch {
    return { state: 'altered' };
  }
}

/** Written in full to a temporary file, flushed, then renamed over the old anchor: never half written. */
export function writeAnchor(storePath: string, key: Buffer, head: ChainHead): void {
  const path = anchorPath(storePath);
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify({ seq: head.seq, hash: head.hash, mac: mac(key, head).toString('hex') }));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** Null when the log reaches the anchored entry unchanged; otherwise the finding, naming the first broken entry. */
export function anchorProblem(sqlite: SqliteHandle, storePath: string, key: Buffer): string | null {
  if (metaValue(sqlite, ANCHORED_KEY) === undefined) return null;
  const file = anchorPath(storePath);
  const anchor = readAnchor(storePath, key);
  if (anchor.state === 'missing') {
    return `the audit-log anchor ${file} is missing, so the end of the log cannot be confirmed (copy it together with the store)`;
  }
  if (anchor.state === 'altered') return `the audit-log anchor ${file} has been altered or belongs to another store`;
  const { seq, hash } = anchor.head;
  if (seq === 0) return null;
  const row = sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(seq) as { hash: string } | undefined;
  if (!row) {
    const last = (sqlite.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number | null }).n ?? 0;
    return `audit log entry ${last + 1} is missing: the log ends at entry ${last}, but its anchor outside the store records entry ${seq}, so entries were removed`;
  }
  return row.hash === hash ? null : `audit log entry ${seq} does not match its anchor outside the store`;
}

/**
 * Keeps the anchor of an open store up to date. The first time a store is opened by a Luukku that
 * anchors, its current head is anchored and the store remembers that it is anchored.
 */
export class AnchorKeeper {
  private written: ChainHead | null = null;
  /** Set once the log is found not to match the anchor: from then on the anchor is left as evidence. */
  private frozen = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sqlite: SqliteHandle,
    private readonly storePath: string,
    private readonly key: Buffer,
  ) {}

  start(): void {
    this.refresh();
    this.timer = setInterval(() => this.refresh(), ANCHOR_REFRESH_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.refresh();
  }

  /** Anchors the committed head; skipped while a transaction is open, so only committed state is anchored. */
  refresh(): void {
    if (this.frozen || !this.sqlite.open || this.sqlite.inTransaction) return;
    try {
      const head = committedHead(this.sqlite);
      if (this.written && this.written.seq === head.seq && this.written.hash === head.hash) return;
      const firstTime = metaValue(this.sqlite, ANCHORED_KEY) === undefined;
      if (!firstTime && anchorProblem(this.sqlite, this.storePath, this.key)) {
        this.frozen = true;
        return;
      }
      writeAnchor(this.storePath, this.key, head);
      if (firstTime) this.sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(ANCHORED_KEY, 'beside');
      this.written = head;
    } catch (error) {
      // A full disk or a read-only folder: the anchor lags, and the next refresh tries again. The store's
      // own writes report such errors to the user.
      console.warn('[luukku] the audit-log anchor could not be refreshed:', (error as Error).message);
    }
  }
}
