/**
 * One caller's view of the county: the county's store (county.ts) seen through this connection's session
 * (session.ts). The dispatcher and the services take a Core, so "who is acting" is always this caller and
 * never whoever signed in last elsewhere. The desktop app has one Core; tests and the e2e harness open more
 * on the same county with `newSession()`. It holds no Electron code.
 */
import { EventEmitter } from 'node:events';
import type { CurrentUser, Language, Phase, Status } from '../../shared/contract';
import type { Actor, AuditEntry } from '../store/audit';
import type { HeadWitness } from '../store/auditWitness';
import type { SqliteStore, Store } from '../store/open';
import type { Db } from '../store/schema';
import type { UnitOfWork } from '../store/unitOfWork';
import { LuukkuError } from '../../shared/errors';
import { claimIdempotencyKey } from '../areas/session/idempotencyQueries';
import { County, type CountyOptions, type NewLead } from './county';
import { Session } from './session';

export type CoreOptions = CountyOptions;

/** A call whose idempotency key another call (its first try) has claimed, with no answer kept yet. */
export const alreadyReceived = () =>
  new LuukkuError(
    'CONFLICT',
    'This request was already received and is being saved. Nothing was saved twice: reload to see it.',
    undefined,
    'alreadyReceived',
  );
export type { NewLead } from './county';

export class Core extends EventEmitter<{ language: [Language] }> {
  readonly county: County;
  readonly session: Session;

  constructor(from: CoreOptions | { county: County }) {
    super();
    this.county = 'county' in from ? from.county : new County(from);
    this.session = new Session(this.county);
  }

  /** Another connection to the same county, with a session of its own (nobody signed in yet). */
  newSession(): Core {
    return new Core({ county: this.county });
  }

  // The county's store, the same for every caller.
  get db(): Db {
    return this.county.db;
  }
  get now(): () => Date {
    return this.county.now;
  }
  get storePath(): string {
    return this.county.storePath;
  }
  get witness(): HeadWitness | undefined {
    return this.county.witness;
  }
  get openStore(): Store | null {
    return this.county.openStore;
  }
  get existingCaseLookups() {
    return this.county.existingCaseLookups;
  }
  start(): Promise<void> {
    return this.county.start();
  }
  unitOfWork<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    return this.county.unitOfWork(work, this.hooks());
  }
  transact<T>(entry: AuditEntry | ((result: T) => AuditEntry), work: (trx: Db) => Promise<T>): Promise<T> {
    return this.county.transact(entry, work, this.hooks());
  }
  /** A read of client data, logged in the same transaction, writing nothing else (County.read). */
  read<T>(entry: AuditEntry | ((result: T) => AuditEntry), work: (trx: Db) => Promise<T>): Promise<T> {
    return this.county.read(entry, work, this.hooks());
  }
  private hooks() {
    return { beforeCommit: this.claimOnce, origin: this.session.serverSessionId };
  }

  /**
   * The county server's idempotency key of the call this Core runs (main/server/sessions.ts): the call's
   * first unit that changes anything claims it in its own transaction, so the change and the claim commit
   * together. A retry that races the first call finds the key claimed, and its unit rolls back.
   */
  private idempotency: { keyHash: string; userId: string; operation: string; claimed: boolean } | null = null;

  expectOnce(key: { keyHash: string; userId: string; operation: string }): void {
    this.idempotency = { ...key, claimed: false };
  }

  /** Whether this call's writes claimed its idempotency key (its answer is then kept for a retry). */
  get claimedOnce(): boolean {
    return !!this.idempotency?.claimed;
  }

  private readonly claimOnce = async (trx: Db): Promise<void> => {
    const once = this.idempotency;
    if (!once || once.claimed) return;
    const { keyHash, userId, operation } = once;
    const at = this.now().toISOString();
    if (!(await claimIdempotencyKey(trx, { key_hash: keyHash, user_id: userId, operation, created_at: at })))
      throw alreadyReceived();
    once.claimed = true;
  };
  audit(entry: AuditEntry): Promise<void> {
    return this.county.audit(entry);
  }
  settingsChanged(): Promise<void> {
    return this.county.settingsChanged();
  }
  storeAndKey(): { store: SqliteStore; key: Buffer } {
    return this.county.storeAndKey();
  }
  replaceStore(key: Buffer, replace: () => Promise<void>): Promise<void> {
    return this.county.replaceStore(key, replace);
  }
  /** Closes the county's store: every session on it is signed out. */
  close(): Promise<void> {
    return this.county.close();
  }

  // This caller's session.
  actor(): Actor | null {
    return this.session.actor();
  }
  requireUser(): Promise<CurrentUser> {
    return this.session.requireUser();
  }

  phase(): Phase {
    const phase = this.county.storePhase();
    if (phase !== 'READY') return phase;
    return this.session.user ? 'SIGNED_IN' : 'SIGNED_OUT';
  }

  status(): Status {
    const county = this.county;
    const phase = this.phase();
    return {
      phase,
      version: county.options.version,
      storePath: county.storePath,
      countyName: county.openStore ? county.countyName : null,
      keychainAvailable: !!county.options.keychain,
      user: phase === 'SIGNED_IN' ? this.session.user : null,
      idleLockMinutes: county.idleLockMinutes,
      message: county.blockedMessage ?? this.session.notice,
      integrity: county.integrityState,
    };
  }

  async createStore(input: { passphrase: string; countyName: string; lead: NewLead }): Promise<Status> {
    await this.county.createStore(input);
    return this.signIn(input.lead.username, input.lead.password);
  }

  async createFirstLead(lead: NewLead): Promise<Status> {
    await this.county.createFirstLead(lead);
    return this.signIn(lead.username, lead.password);
  }

  async unlock(passphrase: string): Promise<Status> {
    await this.county.unlock(passphrase);
    return this.status();
  }

  async signIn(username: string, password: string): Promise<Status> {
    await this.session.signIn(username, password);
    return this.status();
  }

  async changePassword(current: string, next: string): Promise<Status> {
    await this.session.changePassword(current, next);
    return this.status();
  }

  async signOut(reason: 'USER' | 'IDLE'): Promise<Status> {
    await this.session.signOut(reason);
    return this.status();
  }

  /** The UI language changed: the Electron shell re-labels its native menu. */
  setLanguage(language: Language): void {
    this.emit('language', language);
  }
}
