/**
 * The audit log's anchor outside the store. The chain's head in `meta` catches a removed tail, unless
 * whoever removed it (with the key, directly in SQLite) also rewrote the head. So the store also writes
 * the head it has reached to a file beside it (`<store>.anchor`, MAC'd with a key derived from the store
 * key): `verify` then fails when the log no longer reaches the anchored entry with the anchored hash.
 *
 * The anchor is refreshed every few seconds while the store is open and when it closes; it may lag the
 * log (a crash between refreshes), never lead it, since it is only ever written from committed state.
 * An anchor the log no longer matches is never overwritten: it is the evidence.
 *
 * Each anchor says what it anchors, inside its MAC: the live store (`live`) or a backup copy (`backup`).
 * Backups carry their own, and a backup's anchor never passes as the live one: copying a backup and its
 * anchor over the live store (which needs no key) is found, since the live store would then hold a backup
 * anchor. A restore through Luukku writes the restored store a live anchor of its own.
 *
 * The anchor file sits beside the store, and its MAC key comes from the store key: whoever holds the key
 * can re-MAC it. The last-seen head is therefore also kept outside the store folder (auditWitness.ts).
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomically } from './atomicFile';
import type { SqliteHandle } from './open';

/** Whether this store has been anchored: once it has, a missing anchor file is a finding. */
export const ANCHORED_KEY = 'audit_anchor';
const HEAD_KEY = 'audit_head';
const GENESIS = { seq: 0, hash: '0'.repeat(64) };
export const ANCHOR_REFRESH_MS = 2_000;

export interface ChainHead {
  seq: number;
  hash: string;
}

export const ANCHOR_SUFFIX = '.anchor';
export const anchorPath = (storePath: string): string => `${storePath}${ANCHOR_SUFFIX}`;

/** What an anchor anchors: the store in use, or a backup copy of it. */
export type AnchorKind = 'live' | 'backup';
const ANCHOR_VERSION = 2;

function mac(key: Buffer, head: ChainHead, kind: AnchorKind): Buffer {
  const macKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'luukku audit anchor', 32));
  return createHmac('sha256', macKey).update(`v${ANCHOR_VERSION}:${kind}:${head.seq}:${head.hash}`).digest();
}

const macMatches = (given: Buffer, expected: Buffer) =>
  given.length === expected.length && timingSafeEqual(given, expected);

export function metaValue(sqlite: SqliteHandle, key: string): string | undefined {
  const row = sqlite.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function committedHead(sqlite: SqliteHandle): ChainHead {
  const value = metaValue(sqlite, HEAD_KEY);
  if (!value) return GENESIS;
  const [seq, hash] = value.split(':');
  return { seq: Number(seq), hash: hash ?? '' };
}

export type AnchorFile =
  | { state: 'missing' }
  | { state: 'altered' }
  | { state: 'other-kind'; kind: AnchorKind }
  | { state: 'ok'; head: ChainHead };

export function readAnchor(storePath: string, key: Buffer, kind: AnchorKind = 'live'): AnchorFile {
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
    if (macMatches(given, mac(key, head, kind))) return { state: 'ok', head };
    const other: AnchorKind = kind === 'live' ? 'backup' : 'live';
    return macMatches(given, mac(key, head, other)) ? { state: 'other-kind', kind: other } : { state: 'altered' };
  } catch {
    return { state: 'altered' };
  }
}

export function writeAnchor(storePath: string, key: Buffer, head: ChainHead, kind: AnchorKind = 'live'): void {
  writeFileAtomically(
    anchorPath(storePath),
    JSON.stringify({ kind, seq: head.seq, hash: head.hash, mac: mac(key, head, kind).toString('hex') }),
  );
}

/**
 * Null when the log's entry `head.seq` has `head.hash`; otherwise the finding. `found` is that entry's
 * hash (undefined when it is not there) and `last` the log's last seq: each engine reads them its own way.
 */
export function headFinding(head: ChainHead, found: string | undefined, last: number, where: string): string | null {
  if (head.seq === 0) return null;
  if (found === undefined)
    return `audit log entry ${last + 1} is missing: the log ends at entry ${last}, but ${where} records entry ${head.seq}, so entries were removed`;
  return found === head.hash ? null : `audit log entry ${head.seq} does not match ${where}`;
}

/** Null when the log holds entry `head.seq` with `head.hash`; otherwise the finding, naming the first missing entry. */
export function headProblem(sqlite: SqliteHandle, head: ChainHead, where: string): string | null {
  if (head.seq === 0) return null;
  const row = sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(head.seq) as { hash: string } | undefined;
  const last = row
    ? head.seq
    : ((sqlite.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number | null }).n ?? 0);
  return headFinding(head, row?.hash, last, where);
}

/**
 * What an anchor file says about the log: a finding (missing, altered, the other kind), or the head the log
 * must still hold. `anchored`: whether the store says it has been anchored, so that a missing file is a finding.
 */
export function anchorFileFinding(
  anchor: AnchorFile,
  file: string,
  kind: AnchorKind,
  anchored: boolean,
): { finding: string | null } | { head: ChainHead } {
  if (anchor.state === 'missing')
    return {
      finding: anchored
        ? `the audit-log anchor ${file} is missing, so the end of the log cannot be confirmed (copy it together with the store)`
        : null,
    };
  if (anchor.state === 'altered')
    return { finding: `the audit-log anchor ${file} has been altered or belongs to another store` };
  if (anchor.state === 'other-kind')
    return {
      finding:
        kind === 'live'
          ? `the audit-log anchor ${file} is a backup's anchor: the store was replaced with a backup copy outside Luukku, which rolls the log back`
          : `the audit-log anchor ${file} is a live store's anchor, not this backup's`,
    };
  return { head: anchor.head };
}

/**
 * Null when the log reaches the anchored entry unchanged; otherwise the finding, naming the first broken
 * entry. `kind` is what the store at `storePath` is: the live store, or a backup copy.
 */
export function anchorProblem(
  sqlite: SqliteHandle,
  storePath: string,
  key: Buffer,
  kind: AnchorKind = 'live',
): string | null {
  if (metaValue(sqlite, ANCHORED_KEY) === undefined) return null;
  const said = anchorFileFinding(readAnchor(storePath, key, kind), anchorPath(storePath), kind, true);
  return 'head' in said ? headProblem(sqlite, said.head, 'its anchor outside the store') : said.finding;
}
