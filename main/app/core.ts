/**
 * The application core: which store is open, who is signed in, and the state the UI shows. It holds no
 * Electron code, so the desktop app, the e2e harness and the tests drive the very same object.
 */
import { existsSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { EventEmitter } from 'node:events';
import type { CurrentUser, Language, Phase, Status } from '../../shared/contract';
import { invalidInput, LuukkuError } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import {
  keyFilePath,
  readKeyFile,
  unwrapWithKeychain,
  withKeychain,
  writeKeyFile,
  type KeychainProtector,
} from '../security/keyfile';
import { DUMMY_HASH_PROMISE, hashPassword, requireGoodPassword, verifyPassword } from '../security/passwords';
import { appendAudit, type Actor, type AuditEntry } from '../store/audit';
import { logEndProblem } from '../store/auditKeeper';
import type { HeadWitness } from '../store/auditWitness';
import { backupFolder, backupNames } from '../services/backups';
import { openStore, type Store } from '../store/open';
import type { Database, UserRow } from '../store/schema';
import { DEFAULT_SETTINGS, readSettings, writeSettings } from '../store/settings';
import { countUsers, findUserByUsername, insertUser } from '../store/users';
import { seedCounty } from '../store/seedCounty';
import { createStoreFiles, openWithPassphrase } from '../services/storeFiles';
import { quickCheckInWorker } from '../store/quickCheck';
import { EXISTING_CASE_LOOKUPS_PER_MINUTE, RateLimiter } from '../services/rateLimit';
import { throttledPasswordCheck } from './signInThrottle';

export interface CoreOptions {
  storePath: string;
  version: string;
  /** The OS keychain (Electron safeStorage) when a real one backs it; null under plain Node. */
  keychain?: KeychainProtector | null;
  now?: () => Date;
  /** Run SQLite's quick check of the store in a worker thread each time it is opened (the app does). */
  quickCheck?: boolean;
  /** The audit log's last-seen head outside the store folder (store/auditWitness.ts): the app's is keychain-sealed. */
  witness?: HeadWitness;
}

interface Session {
  user: CurrentUser;
  lastActivity: number;
}

export interface NewLead {
  displayName: string;
  username: string;
  password: string;
}

export class Core extends EventEmitter<{ language: [Language] }> {
  private store: Store | null = null;
  private session: Session | null = null;
  private idleLockMinutes = DEFAULT_SETTINGS.idleLockMinutes;
  private countyName: string | null = null;
  private blocked: { phase: 'KEY_MISSING' | 'STORE_ERROR'; message: string } | null = null;
  /** The open store's key, for backups and restores made from the app; null while locked. */
  private key: Buffer | null = null;
  private integrity: { state: Status['integrity']; opened: Store | null } = { state: 'UNCHECKED', opened: null };
  private notice: string | null = null;
  private hasUsers = false;
  readonly now: () => Date;
  /** Existing-client checks per user (services/cases.ts), so nobody can try every identity code of a day. */
  readonly existingCaseLookups = new RateLimiter(EXISTING_CASE_LOOKUPS_PER_MINUTE, 60_000);

  constructor(private readonly options: CoreOptions) {
    super();
    this.now = options.now ?? (() => new Date());
  }

  get storePath(): string {
    return this.options.storePath;
  }

  get witness(): HeadWitness | undefined {
    return this.options.witness;
  }

  /** On start-up: unlock through the OS keychain if it holds this store's key, else wait for the passphrase. */
  async start(): Promise<void> {
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
    if (error instanceof LuukkuError && (error.code === 'STORE_CORRUPT' || error.code === 'STORE_TOO_NEW')) {
      this.blocked = { phase: 'STORE_ERROR', message: error.message };
      return;
    }
    if (error instanceof LuukkuError && error.code === 'KEY_MISSING') {
      this.blocked = { phase: 'KEY_MISSING', message: error.message };
      return;
    }
    throw error;
  }

  private async adopt(store: Store, key: Buffer): Promise<void> {
    this.store = store;
    this.key = key;
    if (this.options.quickCheck) this.checkIntegrity(store, key);
    await this.refreshCachedState();
  }

  private async refreshCachedState(): Promise<void> {
    const db = this.db;
    const settings = await readSettings(db);
    this.idleLockMinutes = settings.idleLockMinutes;
    this.countyName = settings.countyName;
    this.hasUsers = (await countUsers(db)) > 0;
  }

  get db(): Kysely<Database> {
    if (!this.store) throw new LuukkuError('WRONG_STATE', 'The store is locked.');
    return this.store.db;
  }

  get openStore(): Store | null {
    return this.store;
  }

  phase(): Phase {
    if (this.blocked) return this.blocked.phase;
    if (!this.store) return existsSync(this.storePath) ? 'LOCKED' : 'SETUP';
    if (!this.hasUsers) return 'NO_USERS';
    return this.activeSession() ? 'SIGNED_IN' : 'SIGNED_OUT';
  }

  status(): Status {
    const phase = this.phase();
    return {
      phase,
      version: this.options.version,
      storePath: this.storePath,
      countyName: this.store ? this.countyName : null,
      keychainAvailable: !!this.options.keychain,
      user: phase === 'SIGNED_IN' ? this.session!.user : null,
      idleLockMinutes: this.idleLockMinutes,
      message: this.blocked?.message ?? this.notice,
      integrity: this.store ? this.integrity.state : 'UNCHECKED',
    };
  }

  private requirePhase(...phases: Phase[]): void {
    const phase = this.phase();
    if (!phases.includes(phase)) {
      throw new LuukkuError('WRONG_STATE', `This step is not available now (the app is in state ${phase}).`);
    }
  }

  /** Runs `work` in one transaction with its audit entry; a failure leaves the store as it was. */
  async transact<T>(
    entry: AuditEntry | ((result: T) => AuditEntry),
    work: (trx: Kysely<Database>) => Promise<T>,
  ): Promise<T> {
    const sqlite = this.store!.sqlite;
    // Begun and ended by hand: when SQLite itself has already rolled back (a full disk does that), a
    // second ROLLBACK would fail and hide the real error, which the user must see ("the disk is full").
    return this.db.connection().execute(async (conn) => {
      await sql`BEGIN`.execute(conn);
      try {
        const result = await work(conn);
        await appendAudit(conn, typeof entry === 'function' ? entry(result) : entry, this.now());
        await sql`COMMIT`.execute(conn);
        return result;
      } catch (error) {
        if (sqlite.inTransaction) await sql`ROLLBACK`.execute(conn);
        throw error;
      }
    });
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

  async createStore(input: { passphrase: string; countyName: string; lead: NewLead }): Promise<Status> {
    this.requirePhase('SETUP');
    requireGoodPassword('lead.password', input.lead.password, [
      input.lead.username,
      input.lead.displayName,
      input.countyName,
    ]);
    const passwordHash = await hashPassword(input.lead.password);
    const now = this.now();
    const { store, key } = await createStoreFiles(
      this.storePath,
      input.passphrase,
      { witness: this.witness },
      async (s) => {
        await s.db.transaction().execute(async (trx) => {
          await writeSettings(trx, { ...DEFAULT_SETTINGS, countyName: input.countyName });
          await seedCounty(trx);
          const id = await insertUser(trx, { ...input.lead, role: 'LEAD', passwordHash }, now);
          const actor = { id, name: input.lead.username, role: 'LEAD' };
          await appendAudit(trx, { actor, action: 'store.create' }, now);
        });
      },
    );
    await this.adopt(store, key);
    this.wrapForKeychain(key);
    return this.signIn(input.lead.username, input.lead.password);
  }

  async createFirstLead(lead: NewLead): Promise<Status> {
    this.requirePhase('NO_USERS');
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
    return this.signIn(lead.username, lead.password);
  }

  async unlock(passphrase: string): Promise<Status> {
    this.requirePhase('LOCKED');
    try {
      const { store, key } = await openWithPassphrase(this.storePath, passphrase, { witness: this.witness });
      await this.adopt(store, key);
      await this.audit({ actor: null, action: 'store.unlock' });
      this.wrapForKeychain(key);
    } catch (error) {
      if (error instanceof LuukkuError && error.code === 'WRONG_PASSPHRASE') throw error;
      this.fail(error);
    }
    return this.status();
  }

  private async clearFailures(trx: Kysely<Database>, name: string): Promise<void> {
    await trx.deleteFrom('sign_in_failures').where('username', '=', name).execute();
  }

  async signIn(username: string, password: string): Promise<Status> {
    this.requirePhase('SIGNED_OUT', 'SIGNED_IN');
    const name = username.trim().toLowerCase();
    let user: UserRow | undefined;
    const ok = await throttledPasswordCheck(this, name, 'session.signIn', null, async () => {
      user = await findUserByUsername(this.db, name);
      return user && user.active ? verifyPassword(password, user.password_hash) : (await DUMMY_HASH_PROMISE(), false);
    });
    if (!ok || !user) throw new LuukkuError('BAD_CREDENTIALS', 'Wrong user name or password.');
    this.session = {
      user: {
        id: user.id,
        username: user.username,
        displayName: user.display_name,
        role: user.role as Role,
        staffId: user.staff_id,
        mustChangePassword: user.must_change_password === 1,
      },
      lastActivity: this.now().getTime(),
    };
    this.notice = null;
    await this.transact({ actor: this.actor()!, action: 'session.signIn' }, (trx) => this.clearFailures(trx, name));
    return this.status();
  }

  /** The signed-in user's own new password; also how a password a lead reset is replaced. */
  async changePassword(current: string, next: string): Promise<Status> {
    const me = await this.requireUser();
    const ok = await throttledPasswordCheck(this, me.username, 'session.changePassword', this.actor(), async () => {
      const user = await findUserByUsername(this.db, me.username);
      return !!user && (await verifyPassword(current, user.password_hash));
    });
    if (!ok) throw invalidInput('current: the current password is wrong');
    requireGoodPassword('next', next, [me.username, me.displayName]);
    const hash = await hashPassword(next);
    await this.transact({ actor: this.actor(), action: 'session.changePassword' }, async (trx) => {
      await trx
        .updateTable('users')
        .set({ password_hash: hash, password_changed_at: this.now().toISOString(), must_change_password: 0 })
        .where('id', '=', me.id)
        .execute();
      await this.clearFailures(trx, me.username);
    });
    this.session!.user = { ...me, mustChangePassword: false };
    return this.status();
  }

  async signOut(reason: 'USER' | 'IDLE'): Promise<Status> {
    const actor = this.actor();
    this.session = null;
    if (actor && this.store) await this.audit({ actor, action: 'session.signOut', details: { reason } });
    this.notice = reason === 'IDLE' ? 'IDLE_LOCK' : null;
    return this.status();
  }

  /** The signed-in user, or null when there is none or the idle time has run out (which signs them out). */
  private activeSession(): Session | null {
    if (!this.session) return null;
    if (this.now().getTime() - this.session.lastActivity > this.idleLockMinutes * 60_000) return null;
    return this.session;
  }

  /** For every non-public call: the session, refreshed; or an error the UI turns into the sign-in screen. */
  async requireUser(): Promise<CurrentUser> {
    if (!this.session || !this.store) throw new LuukkuError('NOT_SIGNED_IN', 'Please sign in.');
    if (!this.activeSession()) {
      await this.signOut('IDLE');
      throw new LuukkuError(
        'SESSION_EXPIRED',
        'You were signed out after a period of inactivity. Please sign in again.',
      );
    }
    this.session.lastActivity = this.now().getTime();
    return this.session.user;
  }

  actor(): Actor | null {
    return this.session
      ? { id: this.session.user.id, name: this.session.user.username, role: this.session.user.role }
      : null;
  }

  /** The UI language changed: the Electron shell re-labels its native menu. */
  setLanguage(language: Language): void {
    this.emit('language', language);
  }

  async settingsChanged(): Promise<void> {
    await this.refreshCachedState();
  }

  /** The quick check runs beside the app; its result shows in the status (a damaged store gets a banner). */
  private checkIntegrity(store: Store, key: Buffer): void {
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

  async close(): Promise<void> {
    this.session = null;
    const store = this.store;
    this.store = null;
    this.key = null;
    await store?.close();
  }

  /** The open store and its key, for a backup. */
  storeAndKey(): { store: Store; key: Buffer } {
    if (!this.store || !this.key) throw new LuukkuError('WRONG_STATE', 'The store is locked.');
    return { store: this.store, key: this.key };
  }

  /**
   * Replaces the store file (a restore): closes the store, ends the session, runs `replace`, and opens the
   * store at the same path again with `key`. Whatever `replace` leaves there must open with that key.
   */
  async replaceStore(key: Buffer, replace: () => Promise<void>): Promise<void> {
    await this.close();
    await replace();
    this.blocked = null;
    await this.adopt(await openStore(this.storePath, key, 'existing', { witness: this.witness }), key);
  }
}
