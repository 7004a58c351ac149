/**
 * What a committed unit of work changed, for the live updates of the county server (issue 20 item 5): read
 * from the unit's own audit entries, since every change is audited in the transaction that makes it
 * (unitOfWork.ts). A change names topics and case ids only, never client data. Reads (a queue page, a case
 * opened, a report) and refusals change nothing. An action this table does not know is announced as a change
 * of everything: a new write is then shown everywhere, never left out.
 *
 * Delivery: on SQLite the county announces each change after COMMIT to the one process that holds the store;
 * on PostgreSQL the unit sends it with `pg_notify` inside its transaction, which PostgreSQL delivers after the
 * commit (and never after a rollback), in commit order, to every Luukku instance listening on the database
 * (postgresChanges.ts), the admin CLI's imports included.
 */
import { LIVE_TOPICS as TOPICS, type LiveChange, type LiveTopic as Topic } from '../../shared/liveChanges';
import type { AuditEntry } from './audit';

/** A committed change as every instance hears it; each session's stream is sent the part in its scope. */
export interface Change extends LiveChange {
  /** A case may have left someone's scope (a reassignment, a changed role): who had it refreshes too. */
  scopeMayShrink: boolean;
  /**
   * The county server's session that made the change (its key in the store), or null: that page refreshes
   * after its own action, so its stream is not sent the change again (one audited read, not two).
   */
  origin?: string | null;
}

/** Audited reads and sign-ins: they change nothing another workstation shows. */
const READS = new Set([
  'cases.queue',
  'cases.read',
  'cases.search',
  'cases.export',
  'letters.read',
  'audit.childAccessLog',
  'retention.report',
  'session.signIn',
  'session.signOut',
  'session.changePassword',
  'store.backup',
  'store.unlock',
]);

const BY_AREA: Record<string, Topic[]> = {
  cases: ['cases'],
  letters: ['cases'],
  migration: ['cases'],
  roster: ['roster'],
  staff: ['roster', 'team'],
  org: ['roster'],
  users: ['team', 'inbox'],
  sessions: ['team'],
  settings: ['settings'],
  guidance: ['directory'],
  advice: ['advice'],
  reports: [],
};

/** Case ids a NOTIFY payload can carry well inside PostgreSQL's 8,000 bytes. */
export const MAX_NAMED_CASES = 150;

export function changeOf(entries: readonly AuditEntry[]): Change | null {
  const topics = new Set<Topic>();
  const caseIds = new Set<string>();
  let created = false;
  let scopeMayShrink = false;
  for (const entry of entries) {
    if ((entry.outcome ?? 'OK') !== 'OK' || READS.has(entry.action)) continue;
    const area = entry.action.split('.')[0]!;
    for (const topic of BY_AREA[area] ?? TOPICS) topics.add(topic);
    if (entry.caseId) caseIds.add(entry.caseId);
    for (const id of entry.caseIds ?? []) caseIds.add(id);
    if (entry.action === 'cases.register' || entry.action === 'cases.import') created = true;
    if (entry.action === 'cases.reassign') topics.add('inbox');
    // A case moved, an account's role changed: cases may leave one scope and enter another (new to its pages).
    if (entry.action === 'cases.reassign' || area === 'users' || !(area in BY_AREA)) {
      scopeMayShrink = true;
      created = true;
    }
  }
  if (!topics.size) return null;
  return {
    topics: [...topics].sort(),
    caseIds: caseIds.size <= MAX_NAMED_CASES ? [...caseIds] : null,
    created,
    scopeMayShrink,
  };
}

type Listener = (change: Change) => void;

/** The changes committed on this county's store, to whoever in this process watches them (the server's streams). */
export class ChangeFeed {
  private readonly listeners = new Set<Listener>();

  get watched(): boolean {
    return this.listeners.size > 0;
  }

  watch(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Each watcher hears it; one that fails is not allowed to spoil the commit it hears of, nor the others. */
  publish(change: Change): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error('[luukku] a change watcher failed', (error as Error).message);
      }
    }
  }
}

/** After a gap in delivery (PostgreSQL reconnected): everything may have changed, so every view refreshes. */
export const EVERYTHING: Change = { topics: [...TOPICS], caseIds: null, created: true, scopeMayShrink: true };
