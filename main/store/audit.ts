/**
 * The usage and disclosure log (Asiakastietolaki 703/2023 § 10): append-only and hash-chained, written in
 * the same transaction as the action it records. Each row's hash covers its fields and the previous hash;
 * the head (last seq and hash) is kept in `meta` so that a removed tail is detected too.
 */
import { createHash } from 'node:crypto';
import type { AuditRow, Db } from './schema';

export const GENESIS_HASH = '0'.repeat(64);
const HEAD_KEY = 'audit_head';
import type { Role } from '../../shared/roles';

/** Rows per insert into the case index: well under SQLite's limit of bound variables. */
const INDEX_CHUNK = 500;

export interface Actor {
  id: string;
  name: string;
  role: Role;
}

export interface AuditEntry {
  actor: Actor | null;
  action: string;
  outcome?: 'OK' | 'REFUSED' | 'FAILED';
  purpose?: string;
  caseId?: string;
  /**
   * Every case the action showed or changed when there are several (a queue page, an export, a bulk
   * reassignment): kept in the hashed details and indexed in `audit_cases` for the client's access report.
   */
  caseIds?: readonly string[];
  /** Ids, counts and codes only: never a client's name or free text. */
  details?: Record<string, unknown>;
}

type ChainFields = Omit<AuditRow, 'hash'>;

export function auditHash(row: ChainFields): string {
  const canonical = JSON.stringify([
    row.prev_hash,
    row.seq,
    row.at,
    row.user_id,
    row.user_name,
    row.role,
    row.action,
    row.purpose,
    row.case_id,
    row.outcome,
    row.details,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export async function appendAudit(db: Db, entry: AuditEntry, now: Date): Promise<void> {
  const head = await db.selectFrom('meta').select('value').where('key', '=', HEAD_KEY).executeTakeFirst();
  const [lastSeq, lastHash] = head ? (head.value.split(':') as [string, string]) : ['0', GENESIS_HASH];
  const caseIds = [...new Set(entry.caseIds ?? [])].sort();
  const fields: ChainFields = {
    seq: Number(lastSeq) + 1,
    at: now.toISOString(),
    user_id: entry.actor?.id ?? null,
    user_name: entry.actor?.name ?? null,
    role: entry.actor?.role ?? null,
    action: entry.action,
    purpose: entry.purpose ?? null,
    case_id: entry.caseId ?? null,
    outcome: entry.outcome ?? 'OK',
    details: JSON.stringify(caseIds.length ? { ...entry.details, cases: caseIds } : (entry.details ?? {})),
    prev_hash: lastHash,
  };
  const hash = auditHash(fields);
  await db
    .insertInto('audit_log')
    .values({ ...fields, hash })
    .execute();
  for (let i = 0; i < caseIds.length; i += INDEX_CHUNK) {
    const chunk = caseIds.slice(i, i + INDEX_CHUNK).map((case_id) => ({ case_id, seq: fields.seq }));
    await db.insertInto('audit_cases').values(chunk).execute();
  }
  await db
    .insertInto('meta')
    .values({ key: HEAD_KEY, value: `${fields.seq}:${hash}` })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: `${fields.seq}:${hash}` }))
    .execute();
}

/** Walks the whole chain; returns the first problem found, naming the entry, or null. */
export async function verifyAuditChain(db: Db): Promise<string | null> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    if (row.seq !== expectedSeq) return `audit log entry ${expectedSeq} is missing (found ${row.seq} next)`;
    if (row.prev_hash !== prev) return `audit log entry ${row.seq} does not follow entry ${row.seq - 1}`;
    if (auditHash(row) !== row.hash) return `audit log entry ${row.seq} has been altered`;
    prev = row.hash;
    expectedSeq++;
  }
  const indexProblem = await verifyCaseIndex(db, rows);
  if (indexProblem) return indexProblem;
  const head = await db.selectFrom('meta').select('value').where('key', '=', HEAD_KEY).executeTakeFirst();
  const expectedHead = rows.length ? `${rows.length}:${prev}` : undefined;
  if (head?.value !== expectedHead) {
    return `audit log ends at entry ${rows.length} but its recorded head is ${head?.value ?? 'missing'}: entries were removed`;
  }
  return null;
}

/** The case index must hold exactly the case ids each entry's hashed details list: none hidden, none added. */
async function verifyCaseIndex(db: Db, rows: AuditRow[]): Promise<string | null> {
  const indexed = new Map<number, string[]>();
  for (const r of await db
    .selectFrom('audit_cases')
    .select(['seq', 'case_id'])
    .orderBy('seq')
    .orderBy('case_id')
    .execute()) {
    const ids = indexed.get(r.seq) ?? [];
    ids.push(r.case_id);
    indexed.set(r.seq, ids);
  }
  for (const row of rows) {
    const listed = (JSON.parse(row.details) as { cases?: unknown }).cases;
    const expected = Array.isArray(listed) ? listed.map(String).sort() : [];
    const actual = indexed.get(row.seq) ?? [];
    indexed.delete(row.seq);
    if (expected.join() !== actual.join()) return `audit log entry ${row.seq}: its case index has been altered`;
  }
  const stray = indexed.keys().next();
  return stray.done ? null : `the case index names audit log entry ${stray.value}, which does not exist`;
}
