/**
 * Keeps the record of the audit log's end up to date while a store is open: the anchor beside the store
 * (auditAnchor.ts) and, where one is given, the witness outside the store folder (auditWitness.ts). Both are
 * refreshed every few seconds and on close, only from committed state, and both are left as they are (the
 * evidence) once the log no longer matches them.
 */
import {
  ANCHORED_KEY,
  ANCHOR_REFRESH_MS,
  anchorProblem,
  committedHead,
  metaValue,
  writeAnchor,
  type AnchorKind,
  type ChainHead,
} from './auditAnchor';
import { recordWitness, witnessProblem, type HeadWitness } from './auditWitness';
import type { SqliteHandle } from './open';

/**
 * Null when the log reaches both its anchor and the witness (if any); otherwise the first finding. The
 * witness is checked even where the store's "anchored" mark is gone: someone with the key can delete that
 * mark and the anchor file, but not the witness kept elsewhere.
 */
export function logEndProblem(
  sqlite: SqliteHandle,
  storePath: string,
  key: Buffer,
  options: { kind?: AnchorKind; witness?: HeadWitness | undefined } = {},
): string | null {
  return (
    anchorProblem(sqlite, storePath, key, options.kind ?? 'live') ??
    (options.witness ? witnessProblem(sqlite, key, options.witness) : null)
  );
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
    private readonly witness?: HeadWitness,
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
      if (logEndProblem(this.sqlite, this.storePath, this.key, { witness: this.witness })) {
        this.frozen = true;
        return;
      }
      writeAnchor(this.storePath, this.key, head);
      if (this.witness) recordWitness(this.witness, this.key, head);
      if (firstTime) this.sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(ANCHORED_KEY, 'beside');
      this.written = head;
    } catch (error) {
      // A full disk or a read-only folder: the anchor lags, and the next refresh tries again. The store's
      // own writes report such errors to the user.
      console.warn('[luukku] the audit-log anchor could not be refreshed:', (error as Error).message);
    }
  }
}
