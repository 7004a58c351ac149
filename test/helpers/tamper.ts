/**
 * What someone holding the store key could do directly in SQLite to hide what happened: remove the log's
 * last entries and make the chain head in `meta` agree, so that the store alone looks consistent.
 */
import { openSqlite } from '../../main/store/open';

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
