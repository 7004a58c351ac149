/**
 * Table types for kysely. Column names are snake_case as stored; timestamps are UTC ISO strings,
 * calendar dates are Europe/Helsinki LocalDates (`YYYY-MM-DD`), booleans are 0/1. A column that holds one of
 * a domain's codes is typed with that domain's type, so a read needs no cast and a write of a stray string
 * does not compile.
 */
import type { ColumnType, Generated, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type {
  AdviceChannel,
  AdviceGuidedTo,
  AdviceLanguage,
  AdviceTopic,
  AssessmentOutcome,
  CaseStatus,
  CaseType,
  Channel,
  ClosureReason,
  Concern,
  Consent,
  Decision,
  MeetingKind,
  MeetingStatus,
  OverrunReason,
  ReporterCategory,
  StaffRole,
} from '../../shared/caseTypes';
import type { LetterKind, LetterLanguage } from '../../shared/contract/letters';
import type { ServiceKind } from '../../shared/contract/org';
import type { AbsenceKind, ChangeAction, PeriodStatus } from '../../shared/contract/roster';
import type { Role } from '../../shared/roles';

export interface MetaTable {
  key: string;
  value: string;
}

export interface SettingsTable {
  key: string;
  value: string; // JSON
}

export interface AreasTable {
  id: string;
  name_fi: string;
  name_sv: string;
}

export interface MunicipalitiesTable {
  id: string;
  name_fi: string;
  name_sv: string;
  area_id: string;
  /** 'fi' or 'sv': the majority language, used for letters and the Swedish-service rule. */
  majority_language: LetterLanguage;
}

export interface TeamsTable {
  id: string;
  name: string;
  area_id: string | null;
}

export interface StaffTable {
  id: string;
  name: string;
  /** SOCIAL_WORKER | COUNSELLOR | LEAD | SERVICE_COORDINATOR */
  role: StaffRole;
  fte: number;
  /** JSON array of language codes, e.g. ["fi","sv"] */
  languages: string;
  area_id: string | null;
  team_id: string | null;
  max_duties_per_week: number | null;
  active: number;
  created_at: string;
}

export interface AbsencesTable {
  id: Generated<number>;
  staff_id: string;
  from_date: string;
  to_date: string;
  /** VACATION | SICK_LEAVE | TRAINING | OTHER */
  kind: AbsenceKind;
  created_at: string;
}

export interface ClosureDaysTable {
  date: string;
  reason: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  /** ADVICE | ASSESSMENT_SW | REGIONAL | COUNSELLOR | LEAD | ADMIN (shared/roles.ts) */
  role: Role;
  staff_id: string | null;
  password_hash: string;
  active: number;
  created_at: string;
  password_changed_at: string;
  /** 1 after a lead reset the password: the user sets their own at the next sign-in (migration 009). */
  must_change_password: ColumnType<number, number | undefined, number>;
  /** The latest sign-in and the one before it (migration 018): what "new since my last visit" counts from. */
  last_sign_in_at: ColumnType<string | null, string | null | undefined, string | null>;
  previous_sign_in_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface NotificationsTable {
  id: string;
  received_at: string;
  channel: Channel;
  reporter_category: ReporterCategory;
  reporter_contact: string | null;
  created_by: string | null;
  created_at: string;
  /** JSON array of { name, phone, language } (migration 005). */
  guardians: ColumnType<string, string | undefined, string>;
}

export interface CasesTable {
  id: string;
  external_id: string | null;
  notification_id: string | null;
  linked_case_id: string | null;
  type: CaseType;
  channel: Channel;
  received_at: string;
  received_date: string;
  reporter_category: ReporterCategory;
  municipality_id: string;
  area_id: string;
  child_first_name: string | null;
  child_last_name: string | null;
  child_birth_date: string | null;
  child_hetu: string | null;
  expected_birth_date: string | null;
  /** Null while an anticipatory notification (LSL25C) waits for the birth: no clock runs. */
  pending_from: string | null;
  start_due: string | null;
  complete_due: string | null;
  summary: string | null;
  urgency_assessed_at: string | null;
  urgency_assessed_by: string | null;
  urgency_result: 'URGENT' | 'NOT_URGENT' | null;
  decision: Decision | null;
  decision_date: string | null;
  /** When the decision was typed in (an import: the source system's time); decision_date is the real date. */
  decision_at: string | null;
  decision_by: string | null;
  decision_reason: string | null;
  assessment_completed_date: string | null;
  assignee_user_id: string | null;
  /** AWAITING_BIRTH | NEW | TRIAGE | ASSESSMENT | CLOSED (derived from the events, kept for indexed queue queries) */
  status: CaseStatus;
  created_at: string;
  updated_at: string;
  /** PLANNED_SOCIAL_WORK | CHILD_WELFARE_CLIENT | NO_FURTHER_NEED (migration 003) */
  assessment_outcome: AssessmentOutcome | null;
  assessment_summary: string | null;
  /** The regional assessment team a started assessment went to (migration 007). */
  assigned_team_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the urgency assessment was typed in; urgency_assessed_at is the real time (migration 013). */
  urgency_recorded_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** CHILD_WELFARE | SPECIAL_SUPPORT | OTHER: THL's population (migration 013). */
  concern: ColumnType<Concern | null, Concern | null | undefined, Concern | null>;
  start_overrun_reason: ColumnType<OverrunReason | null, OverrunReason | null | undefined, OverrunReason | null>;
  start_overrun_note: ColumnType<string | null, string | null | undefined, string | null>;
  complete_overrun_reason: ColumnType<OverrunReason | null, OverrunReason | null | undefined, OverrunReason | null>;
  complete_overrun_note: ColumnType<string | null, string | null | undefined, string | null>;
  /** DUPLICATE | REGISTERED_IN_ERROR | OTHER_COUNTY: closed as not a case, never as a decision (migration 013). */
  closed_reason: ColumnType<ClosureReason | null, ClosureReason | null | undefined, ClosureReason | null>;
  closed_at: ColumnType<string | null, string | null | undefined, string | null>;
  closed_by: ColumnType<string | null, string | null | undefined, string | null>;
  closed_note: ColumnType<string | null, string | null | undefined, string | null>;
  /** Generated: complete_due while the assessment runs, else start_due (migration 002). */
  running_due: ColumnType<string | null, never, never>;
  /** The assessment's work pair beside the responsible social worker (migration 019). */
  pair_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** PENDING after a completion that needs longer support, HELD once the hand-over meeting was (migration 021). */
  handover_state: ColumnType<
    'PENDING' | 'HELD' | null,
    'PENDING' | 'HELD' | null | undefined,
    'PENDING' | 'HELD' | null
  >;
  /** The receiving worker of planned social work. */
  handover_to: ColumnType<string | null, string | null | undefined, string | null>;
  /** The day the hand-over meeting was held: the case closed on it. */
  handover_date: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The assessment's summary (yhteenveto), one per case (migration 021). */
export interface AssessmentSummariesTable {
  case_id: string;
  situation: string;
  child_view: string;
  support_need: string;
  services_agreed: string;
  /** The social worker's conclusion: 1 child welfare is needed, 0 not, null not yet concluded. */
  child_welfare_needed: number | null;
  concluded_by: string | null;
  updated_by: string;
  updated_at: string;
}

/** An anonymous answer to the customer feedback of an assessment: its team and day, no case (migration 022). */
export interface AssessmentFeedbackTable {
  id: Generated<number>;
  team_id: string;
  answered_on: string;
  /** 1-5: the assessment helped; the family was heard; the information was clear. */
  helped: number;
  heard: number;
  clear: number;
  /** The survey tool's id of an imported answer (migration 023), unique; null when typed in. */
  response_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Support started while the assessment ran (migration 021). */
export interface AssessmentSupportsTable {
  id: string;
  case_id: string;
  service_id: string | null;
  name: string;
  started_date: string;
  /** 1: child welfare support, which starts the child welfare client relationship (LsL 27 §). */
  child_welfare: number;
  created_by: string;
  created_at: string;
}

/** A partner invited into an assessment, and the client's consent to share with it now (migration 020). */
export interface AssessmentPartnersTable {
  id: string;
  case_id: string;
  /** The service of the county's directory, or null for a named professional. */
  service_id: string | null;
  name: string;
  role: string;
  /** 1: takes part under a statutory duty (a disclosure's basis without consent). */
  statutory: number;
  consent: Consent | null;
  consent_date: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** An assessment's meeting, planned, held or cancelled (migration 019). */
export interface MeetingsTable {
  id: string;
  case_id: string;
  kind: MeetingKind;
  /** ISO 8601 instant (UTC). */
  starts_at: string;
  duration_minutes: number;
  status: MeetingStatus;
  participants: string; // JSON: [{ kind, name }]
  /** 1 when a CHILD is among the participants (kept at each write, for the queue's filter). */
  child_met: number;
  note: string;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: string;
  at: string;
  user_id: string | null;
  kind: string;
  data: string; // JSON
}

export interface RosterPeriodsTable {
  id: string;
  from_date: string;
  to_date: string;
  /** DRAFT | PUBLISHED */
  status: PeriodStatus;
  published_at: string | null;
  published_by: string | null;
}

export interface DutyAssignmentsTable {
  id: Generated<number>;
  period_id: string | null;
  /** Daily duties carry a date; the assessment week carries an ISO week (`2027-W01`). */
  date: string | null;
  week: string | null;
  duty: string;
  staff_id: string;
  locked: number;
}

export interface DutyWishesTable {
  staff_id: string;
  date: string;
}

/** Changes to a published roster period (who, when, what, why); `details` is JSON. */
export interface RosterChangesTable {
  id: Generated<number>;
  period_id: string;
  at: string;
  user_id: string | null;
  user_name: string;
  /** MOVE | LOCK | UNLOCK | SWAP | REPAIR */
  action: ChangeAction;
  details: string;
  reason: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  user_id: string | null;
  user_name: string | null;
  role: Role | null;
  action: string;
  purpose: string | null;
  case_id: string | null;
  outcome: string;
  details: string; // JSON, never client data beyond ids
  prev_hash: string;
  hash: string;
}

/** The cases of an audit entry that touched several (migration 009); the ids are also in its hashed details. */
export interface AuditCasesTable {
  case_id: string;
  seq: number;
}

/** In-app messages to a user: a case was moved to them or away from them (migration 009). */
export interface InboxTable {
  id: Generated<number>;
  user_id: string;
  at: string;
  kind: string;
  data: string; // JSON
  read_at: string | null;
}

/** Wrong passwords per user name since its last sign-in; `paused_until` an ISO instant. */
export interface SignInFailuresTable {
  username: string;
  failures: number;
  paused_until: string | null;
}

/** A county server session (migration 014): only the token's SHA-256 is kept. */
export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  last_activity: string;
  ended_at: string | null;
  ended_reason: string | null;
}

/** A write's idempotency key (migration 015): the SHA-256 of user and key, and the answer the write had. */
export interface IdempotencyKeysTable {
  key_hash: string;
  user_id: string;
  operation: string;
  created_at: string;
  /** The call's answer as JSON; null while the call that claimed the key is still under way. */
  result: string | null;
}

/** A long job under way on some server instance (migration 024; PostgreSQL only, see jobProgress.ts). */
export interface RunningJobsTable {
  /** The job's kind and its user: `roster:<user id>`. */
  job_key: string;
  user_id: string;
  /** The progress as JSON, as the job's poll answers it. */
  progress: string;
  cancel_requested: Generated<number>;
  updated_at: string;
}

export interface AdviceContactsTable {
  id: Generated<number>;
  at: string;
  date: string;
  channel: AdviceChannel;
  language: AdviceLanguage;
  topic: AdviceTopic;
  guided_to: AdviceGuidedTo;
  created_by: string | null;
}

/** The county's directory of services a family can be guided to (GUIDANCE decisions). */
export interface GuidanceServicesTable {
  id: string;
  name: string;
  /** PUBLIC | PRIVATE | THIRD_SECTOR */
  kind: ServiceKind;
  description: string;
  contact: string;
  active: number;
  updated_at: string;
}

export interface CaseGuidanceTable {
  case_id: string;
  service_id: string;
}

export interface LetterTemplatesTable {
  /** RECEIPT_NOTICE | DECISION */
  kind: LetterKind;
  language: LetterLanguage;
  body: string;
  updated_at: string;
  updated_by: string | null;
}

export interface LettersTable {
  id: Generated<number>;
  case_id: string;
  kind: LetterKind;
  language: LetterLanguage;
  recipient: string;
  created_at: string;
  created_by: string | null;
  /** The PDF exactly as disclosed (Asiakastietolaki 703/2023 § 10: the disclosed data). */
  pdf: Buffer;
}

export interface Database {
  guidance_services: GuidanceServicesTable;
  case_guidance: CaseGuidanceTable;
  letter_templates: LetterTemplatesTable;
  letters: LettersTable;
  advice_contacts: AdviceContactsTable;
  meta: MetaTable;
  settings: SettingsTable;
  areas: AreasTable;
  municipalities: MunicipalitiesTable;
  teams: TeamsTable;
  staff: StaffTable;
  absences: AbsencesTable;
  closure_days: ClosureDaysTable;
  users: UsersTable;
  notifications: NotificationsTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  meetings: MeetingsTable;
  assessment_partners: AssessmentPartnersTable;
  assessment_summaries: AssessmentSummariesTable;
  assessment_supports: AssessmentSupportsTable;
  assessment_feedback: AssessmentFeedbackTable;
  roster_periods: RosterPeriodsTable;
  duty_assignments: DutyAssignmentsTable;
  duty_wishes: DutyWishesTable;
  roster_changes: RosterChangesTable;
  audit_log: AuditLogTable;
  audit_cases: AuditCasesTable;
  inbox: InboxTable;
  sign_in_failures: SignInFailuresTable;
  sessions: SessionsTable;
  idempotency_keys: IdempotencyKeysTable;
  running_jobs: RunningJobsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewCase = Insertable<CasesTable>;
export type NewMeeting = Insertable<MeetingsTable>;
export type NewPartner = Insertable<AssessmentPartnersTable>;
export type NewSummary = Insertable<AssessmentSummariesTable>;
export type NewSupport = Insertable<AssessmentSupportsTable>;
export type NewFeedback = Insertable<AssessmentFeedbackTable>;
export type CaseRow = Selectable<CasesTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type Timestamp = ColumnType<string, string, string>;

/** The store as the areas see it: a kysely handle or a transaction on the schema above. */
export type Db = Kysely<Database>;
/** A row of `table` as a select returns it. */
export type Row<T extends keyof Database> = Selectable<Database[T]>;
/** A change to a case's columns. */
export type CasePatch = Updateable<CasesTable>;
