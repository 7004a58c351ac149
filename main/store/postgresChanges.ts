/**
 * Live updates across server instances on one PostgreSQL database (issue 20 items 5 and 6): every unit of work
 * sends what it changed on one channel inside its transaction (unitOfWork.ts), and each instance holds one
 * connection of its own that LISTENs on it. PostgreSQL delivers a notification only after its transaction
 * commits, in commit order, to every listener, whichever instance (or admin CLI) made the change.
 *
 * A listening connection that drops (a database restart, a failover) is opened again, every second until it
 * succeeds; what was committed meanwhile was not heard, so the first thing after it is a change of everything
 * (changes.ts EVERYTHING): no view goes on showing what may be stale as current.
 */
import pg from 'pg';
import { EVERYTHING, type Change } from './changes';

export const CHANGES_CHANNEL = 'luukku_changes';
const RETRY_MS = 1000;

export interface ChangeListener {
  /** Resolves once the first LISTEN is in place (or has failed and is being retried). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export function listenForChanges(url: string, onChange: (change: Change) => void): ChangeListener {
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let heardBefore = false;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, application_name: 'luukku-changes' });
    const again = () => {
      if (client !== next) return;
      client = null;
      next.removeAllListeners('notification');
      void next.end().catch(() => undefined);
      if (!stopped) timer = setTimeout(() => void connect(), RETRY_MS);
    };
    next.on('error', again);
    next.on('end', again);
    next.on('notification', (message) => {
      if (message.channel !== CHANGES_CHANNEL || !message.payload) return;
      try {
        onChange(JSON.parse(message.payload) as Change);
      } catch {
        onChange(EVERYTHING);
      }
    });
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (stopped) return void (await next.end().catch(() => undefined));
      if (heardBefore) onChange(EVERYTHING);
      heardBefore = true;
    } catch {
      again();
    }
  };

  const ready = connect();
  return {
    ready,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const last = client;
      client = null;
      await last?.end().catch(() => undefined);
    },
  };
}
