/**
 * The county side of the application: which store is open, its key, its integrity, the settings the UI
 * shows, and the one primitive that opens a transaction. It knows nobody who is signed in: each connection
 * (the desktop window, a test, later a browser on the county server) has its own Session (session.ts), and
 * `Core` (core.ts) is one such caller's view of the county. It holds no Electron code.
 */
import { existsSync } from 'node:fs';
import type { Phase, Status } from '../../shared/contract';
import { LuukkuError } from '../../shared/errors';
import {
  keyFilePath,
  readKeyFile,
  unwrapWithKeychain,
  withKeychain,
  writeKeyFile,
  type KeychainProtector,
} from '../security/keyfile';
import { hashPassword, requireGoodPassword } from '../security/passwords';
import type { AuditEntry } from '../store/audit';
import { logEndProblem } from '../store/auditKeeper';
import type { HeadWitness } from '../store/auditWitness';
import { backupFolder, backupNames } from '../store/backupFolder';
import { openStore, type SqliteStore, type Store } from '../store/open';
import type { AnchorKey } from '../store/databaseAnchor';
import { openPostgresStore, redactUrl } from '../store/postgres';
import type { Db } from '../store/schema';
import { DEFAULT_SETTINGS, readSettings, writeSettings } from '../areas/settings/queries';
import { countUsers, insertUser } from '../areas/team/userQueries';
import { seedCounty } from '../store/seedCounty';
import { createStoreFiles, openWithPassphrase } from '../store/storeFiles';
import { quickCheckInWorker } from '../store/quickCheck';
import { EXISTING_CASE_LOOKUPS_PER_MINUTE, RateLimiter } from './rateLimit';
import { unitOfWork, type UnitHooks, type UnitOfWork } from '../store/unitOfWork';
import { ChangeFeed, type Change } from '../store/changes';
import { listenForChanges, type ChangeListener } from '../store/postgresChanges';

export interface CountyOptions {
  /** The encrypted SQLite store's file; with `database`, only a name shown for the store. */
  storePath: string;
  /**
   * A PostgreSQL database URL (issue 19): the county's shared store. It opens at start with no passphrase
   * (the database's own roles guard it); there is no key file, and backups are county IT's (README).
   */
  database?: string;
  /** With `database`: migrate it to this version (the owner's URL), or only check that it is (the service role). */
  databaseSchema?: 'migrate' | 'check';
  /** With `database`: the server's anchor key (store/databaseAnchor.ts), which anchors the audit log outside it. */
  anchorKey?: AnchorKey;
  version: string;
  /** The OS keychain (Electron safeStorage) when a real one backs it; null under plain Node. */
  keychain?: KeychainProtector | null;
  now?: () => Date;
  /** Run SQLite's quick check of the store in a worker thread each time it is opened (the app does). */
  quickCheck?: boolean;
  /** The audit log's last-seen head outside the store folder (store/auditWitness.ts): the app's is keychain-sealed. */
  witness?: HeadWitness;
  /**
   * The desktop app only: where its first start may record a county server instead of a store of its own
   * (main/client/countyServerConfig.ts), and how it then starts again as that server's client.
   */
  countyServerChoice?: { configPath: string; restart(): void };
}

/** What the caller (Core) adds to each of its units: the idempotency claim, the server session it runs for. */
export type CallerHooks = Pick<UnitHooks, 'beforeCommit' | 'origin' | 'readsOnly'>;

export interface NewLead {
  displayName: string;
  username: string;
  password: string;
}

/** What the store allows before anyone signs in; a Session adds SIGNED_IN / SIGNED_OUT to READY. */
export type StorePhase = Exclude<Phase, 'SIGNED_IN' | 'SIGNED_OUT'> | 'READY';

export class County {
  private store: Store | null = null;
  private blocked: { phase: 'KEY_MISSING' | 'STORE_ERROR'; message: string } | null = null;
  /** The open store's key, for backups and restores made from the app; null while locked. */
  private key: Buffer | null = null;
  private integrity: { state: Status['integrity']; opened: Store | null } = { state: 'UNCHECKED', opened: null };
  private hasUsers = false;
  /** Cached from the settings: what every session's status shows and its idle sign-out measures. */
  idleLockMinutes = DEFAULT_SETTINGS.idleLockMinutes;
  countyName: string | null = null;
  /** Bumped whenever the store is closed or replaced: a session signed in to an earlier one is signed out. */
  generation = 0;
  readonly now: () => Date;
  /** Existing-client checks per user (services/cases.ts), so nobody can try every identity code of a day. */
  readonly existingCaseLookups = new RateLimiter(EXISTING_CASE_LOOKUPS_PER_MINUTE, 60_000);
  /** What each committed unit changed (store/changes.ts), for the county server's live updates. */
  private readonly changes = new ChangeFeed();
  private changeListener: ChangeListener | null = null;

  constructor(readonly options: CountyOptions) {
    this.now = options.now ?? (() => new Date());
  }

  get storePath(): string {
    return this.options.database ? redactUrl(this.options.database) : this.options.storePath;
  }

  get engine(): Store['engine'] {
    return this.options.database ? 'postgres' : 'sqlite';
  }

  get witness(): HeadWitness | undefined {
    return this.options.witness;
  }

  /** On start-up: unlock through the OS keychain if it holds this store's key, else wait for the passphrase. */
  async start(): Promise<void> {
    const database = this.options.database;
    if (database) {
      try {
        const schema = this.options.databaseSchema ?? 'check';
        await this.adopt(await openPostgresStore(database, { schema, anchor: this.options.anchorKey }), null);
      } catch (error) {
        this.fail(error);
      }
      return;
    }
    const path = this.storePath;
    const hasStore = existsSync(path);
    const hasKey = existsSync(keyFilePath(path));
    if (!hasStore && hasKey) {
      this.blocked = {
        phase: 'STORE_ERROR',
        message: `The store file ${path} is missing but its key file is there. Restore the store from a backup; Luukku will not create a new empty store in its place.`,
      };
      return;
    }
    if (hasStore && !hasKey) {
      this.blocked = {
        phase: 'KEY_MISSING',
        message: `The key file ${keyFilePath(path)} is missing, so the store cannot be opened. Put the key file back, or restore a backup together with its .keys file.`,
      };
      return;
    }
    if (!hasStore && backupNames(path).length) {
      // A store and its key file both gone, its backups still there: restoring is the way on, never a new
      // empty store in the same folder (whose backup rotation would in time delete the old store's backups).
      this.blocked = {
        phase: 'STORE_ERROR',
        message: `The store file ${path} and its key file are missing, but backups of a store are in ${backupFolder(path)}. Restore the newest with the recovery passphrase; Luukku will not create a new empty store beside them.`,
      };
      return;
    }
    if (!hasStore) return;
    const keychain = this.options.keychain;
    if (!keychain) return;
    try {
      const key = unwrapWithKeychain(readKeyFile(path), keychain);
      if (key) await this.adopt(await openStore(path, key, 'existing', { witness: this.witness }), key);
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    if (
      error instanceof LuukkuError &&
      (error.code === 'STORE_CORRUPT' || error.code === 'STORE_TOO_NEW' || error.code === 'STORE_MISSING')
    ) {
      this.blocked = { phase: 'STORE_ERROR', message: error.message };
      return;
    }
    if (error instanceof LuukkuError && error.code === 'KEY_MISSING') {
      this.blocked = { phase: 'KEY_MISSING', message: error.message };
      return;
    }
    throw error;
  }

  private async adopt(store: Store, key: Buffer | null): Promise<void> {
    this.store = store;
    this.key = key;
    this.generation++;
    if (this.options.quickCheck && store.engine === 'sqlite' && key) this.checkIntegrity(store, key);
    await this.settingsChanged();
  }

  /** Re-reads what is cached from the settings (after a lead saved them). */
  async settingsChanged(): Promise<void> {
    const db = this.db;
    const settings = await readSettings(db);
    this.idleLockMinutes = settings.idleLockMinutes;
    this.countyName = settings.countyName;
    this.hasUsers = (await countUsers(db)) > 0;
  }

  get db(): Db {
    if (!this.store) throw new LuukkuError('WRONG_STATE', 'The store is locked.');
    return this.store.db;
  }

  get openStore(): Store | null {
    return this.store;
  }

  get blockedMessage(): string | null {
    return this.blocked?.message ?? null;
  }

  get integrityState(): Status['integrity'] {
    // A database's log is checked against its anchor as it is kept (store/databaseAnchor.ts).
    if (this.store?.engine === 'postgres')
      return this.store.anchor ? (this.store.anchor.finding ? 'LOG_ALTERED' : 'OK') : 'UNCHECKED';
    return this.store ? this.integrity.state : 'UNCHECKED';
  }

  storePhase(): StorePhase {
    if (this.blocked) return this.blocked.phase;
    if (!this.store) return !this.options.database && existsSync(this.storePath) ? 'LOCKED' : 'SETUP';
    if (!this.hasUsers) return 'NO_USERS';
    return 'READY';
  }

  requireStorePhase(...phases: StorePhase[]): void {
    const phase = this.storePhase();
    if (!phases.includes(phase)) {
      throw new LuukkuError('WRONG_STATE', `This step is not available now (the app is in state ${phase}).`);
    }
  }

  /** The one way a transaction is opened (store/unitOfWork.ts): its audit entries are appended before COMMIT. */
  unitOfWork<T>(work: (uow: UnitOfWork) => Promise<T>, caller: CallerHooks = {}): Promise<T> {
    if (!this.store) throw new LuukkuError('WRONG_STATE', 'The store is locked.');
    return unitOfWork(this.store, this.now, work, { ...caller, announce: (change) => this.changes.publish(change) });
  }

  /**
   * Hears every change committed on the store: on SQLite this process's own; on PostgreSQL every instance's,
   * through one listening connection opened with the first watcher. Returns how to stop watching.
   */
  async watchChanges(watcher: (change: Change) => void): Promise<() => void> {
    const unwatch = this.changes.watch(watcher);
    const store = this.store;
    if (store?.engine === 'postgres' && !this.changeListener) {
      this.changeListener = listenForChanges(store.url, (change) => this.changes.publish(change));
      await this.changeListener.ready;
    }
    return unwatch;
  }

  /** Runs `work` in one transaction with its audit entry; a failure leaves the store as it was. */
  transact<T>(
    entry: AuditEntry | ((result: T) => AuditEntry),
    work: (trx: Db) => Promise<T>,
    caller: CallerHooks = {},
  ): Promise<T> {
    return this.unitOfWork(async (uow) => {
      const result = await work(uow.trx);
      uow.audit(typeof entry === 'function' ? entry(result) : entry);
      return result;
    }, caller);
  }

  /** A read of client data, logged with `entry` in the same transaction; it writes nothing else (unitOfWork.ts). */
  read<T>(
    entry: AuditEntry | ((result: T) => AuditEntry),
    work: (trx: Db) => Promise<T>,
    caller: CallerHooks = {},
  ): Promise<T> {
    return this.transact(entry, work, { ...caller, readsOnly: true });
  }

  async audit(entry: AuditEntry): Promise<void> {
    await this.transact(entry, async () => undefined);
  }

  private wrapForKeychain(key: Buffer): void {
    const keychain = this.options.keychain;
    if (!keychain) return;
    const file = readKeyFile(this.storePath);
    writeKeyFile(keyFilePath(this.storePath), withKeychain(file, key, keychain), { overwrite: true });
  }

  /** A new store with the county's first team lead (who then signs in through their session). */
  async createStore(input: { passphrase: string; countyName: string; lead: NewLead }): Promise<void> {
    this.requireStorePhase('SETUP');
    requireGoodPassword('lead.password', input.lead.password, [
      input.lead.username,
      input.lead.displayName,
      input.countyName,
    ]);
    const passwordHash = await hashPassword(input.lead.password);
    const { store, key } = await createStoreFiles(this.storePath, input.passphrase, { witness: this.witness }, (s) =>
      unitOfWork(s, this.now, async (uow) => {
        await writeSettings(uow.trx, { ...DEFAULT_SETTINGS, countyName: input.countyName });
        await seedCounty(uow.trx);
        const id = await insertUser(uow.trx, { ...input.lead, role: 'LEAD', passwordHash }, uow.now);
        uow.audit({ actor: { id, name: input.lead.username, role: 'LEAD' }, action: 'store.create' });
      }),
    );
    await this.adopt(store, key);
    this.wrapForKeychain(key);
  }

  /** The first team lead of a store that has no accounts (one restored from before accounts existed). */
  async createFirstLead(lead: NewLead): Promise<void> {
    this.requireStorePhase('NO_USERS');
    requireGoodPassword('password', lead.password, [lead.username, lead.displayName, this.countyName ?? '']);
    const passwordHash = await hashPassword(lead.password);
    await this.transact(
      (id: string) => ({ actor: { id, name: lead.username, role: 'LEAD' }, action: 'users.createFirstLead' }),
      async (trx) => {
        if ((await countUsers(trx)) > 0) throw new LuukkuError('CONFLICT', 'An account already exists.');
        return insertUser(trx, { ...lead, role: 'LEAD', passwordHash }, this.now());
      },
    );
    this.hasUsers = true;
  }

  async unlock(passphrase: string): Promise<void> {
    this.requireStorePhase('LOCKED');
    try {
      const { store, key } = await openWithPassphrase(this.storePath, passphrase, { witness: this.witness });
      await this.adopt(store, key);
      await this.audit({ actor: null, action: 'store.unlock' });
      this.wrapForKeychain(key);
    } catch (error) {
      if (error instanceof LuukkuError && error.code === 'WRONG_PASSPHRASE') throw error;
      this.fail(error);
    }
  }

  /** The quick check runs beside the app; its result shows in the status (a damaged store gets a banner). */
  private checkIntegrity(store: SqliteStore, key: Buffer): void {
    this.integrity = { state: 'CHECKING', opened: store };
    void quickCheckInWorker(store.path, key).then((problems) => {
      if (this.integrity.opened !== store || !store.sqlite.open) return;
      // Pages first: a log on damaged pages cannot be judged. Then whether the log still reaches its anchor.
      const altered = problems.length ? null : logEndProblem(store.sqlite, store.path, key, { witness: this.witness });
      this.integrity = { state: problems.length ? 'DAMAGED' : altered ? 'LOG_ALTERED' : 'OK', opened: store };
      if (problems.length) console.error('[luukku] quick check found damage:', problems.slice(0, 5).join('; '));
      if (altered) console.error('[luukku] the audit log does not match its anchor:', altered);
    });
  }

  /** Closes the store; every session signed in to it is signed out. */
  async close(): Promise<void> {
    const store = this.store;
    this.store = null;
    this.key = null;
    this.generation++;
    await this.changeListener?.stop();
    this.changeListener = null;
    await store?.close();
  }

  /** Refuses what only an encrypted store file has (its backups beside it, its key) on a PostgreSQL county. */
  requireStoreFile(): void {
    if (this.engine === 'postgres')
      throw new LuukkuError(
        'WRONG_STATE',
        'This county keeps its store on PostgreSQL: its backups are made by county IT (base backups and WAL archiving), not from the app.',
      );
  }

  /** The open store file and its key, for a backup made from the app (an encrypted SQLite store only). */
  storeAndKey(): { store: SqliteStore; key: Buffer } {
    this.requireStoreFile();
    if (this.store?.engine !== 'sqlite' || !this.key) throw new LuukkuError('WRONG_STATE', 'The store is locked.');
    return { store: this.store, key: this.key };
  }

  /**
   * Replaces the store file (a restore): closes the store, ends every session, runs `replace`, and opens
   * the store at the same path again with `key`. Whatever `replace` leaves there must open with that key.
   */
  async replaceStore(key: Buffer, replace: () => Promise<void>): Promise<void> {
    await this.close();
    await replace();
    this.blocked = null;
    await this.adopt(await openStore(this.storePath, key, 'existing', { witness: this.witness }), key);
  }
}
