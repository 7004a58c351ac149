/**
 * What someone holding the store key could do directly in SQLite to hide what happened: remove the log's
 * last entries and make the chain head in `meta` agree, so that the store alone looks consistent; and what a
 * PostgreSQL superuser could do to a database.
 */
import pg from 'pg';
import { auditHash } from '../../main/store/audit';
import { openSqlite } from '../../main/store/open';
import type { AuditRow } from '../../main/store/schema';

/** Removes the last `count` audit-log entries and rewrites the head to match; returns the last seq before. */
export function cutAuditTail(path: string, key: Buffer, count: number): number {
  const sqlite = openSqlite(path, key, 'existing');
  try {
    const last = (sqlite.prepare('SELECT max(seq) AS seq FROM audit_log').get() as { seq: number }).seq;
    const keep = last - count;
    const kept = sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(keep) as { hash: string } | undefined;
    sqlite.exec('DROP TRIGGER audit_log_no_delete');
    sqlite.prepare('DELETE FROM audit_log WHERE seq > ?').run(keep);
    // With no entry left, there is no head at all.
    if (kept) sqlite.prepare("UPDATE meta SET value = ? WHERE key = 'audit_head'").run(`${keep}:${kept.hash}`);
    else sqlite.exec("DELETE FROM meta WHERE key = 'audit_head'");
    return last;
  } finally {
    sqlite.close();
  }
}

/**
 * The same on PostgreSQL, as whoever may switch the append-only triggers off (a superuser, the DBA): removes
 * the last `count` entries with their case index and rewrites the head to match; returns the last seq before.
 */
export async function cutDatabaseAuditTail(url: string, count: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const last = Number((await client.query('SELECT max(seq) AS seq FROM audit_log')).rows[0].seq);
    const keep = last - count;
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await client.query('ALTER TABLE audit_cases DISABLE TRIGGER USER');
    await client.query('DELETE FROM audit_cases WHERE seq > $1', [keep]);
    await client.query('DELETE FROM audit_log WHERE seq > $1', [keep]);
    const kept = await client.query('SELECT hash FROM audit_log WHERE seq = $1', [keep]);
    if (kept.rows.length)
      await client.query("UPDATE meta SET value = $1 WHERE key = 'audit_head'", [`${keep}:${kept.rows[0].hash}`]);
    else await client.query("DELETE FROM meta WHERE key = 'audit_head'");
    await client.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    await client.query('ALTER TABLE audit_cases ENABLE TRIGGER USER');
    await client.query('COMMIT');
    return last;
  } finally {
    await client.end();
  }
}

/**
 * A rewrite that keeps the chain whole, as a superuser who knows how entries are hashed could make it:
 * entry `seq` gets another user name, every later entry is hashed again, and the head follows.
 */
export async function rewriteDatabaseAuditEntry(url: string, seq: number, userName: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    const rows = (await client.query('SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq', [seq])).rows as AuditRow[];
    let prev = rows[0]!.prev_hash;
    for (const row of rows) {
      const changed = {
        ...row,
        seq: Number(row.seq),
        prev_hash: prev,
        user_name: row.seq === seq ? userName : row.user_name,
      };
      const hash = auditHash(changed);
      await client.query('UPDATE audit_log SET user_name = $1, prev_hash = $2, hash = $3 WHERE seq = $4', [
        changed.user_name,
        prev,
        hash,
        row.seq,
      ]);
      prev = hash;
    }
    await client.query("UPDATE meta SET value = $1 WHERE key = 'audit_head'", [`${rows.at(-1)!.seq}:${prev}`]);
    await client.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}
