/** Case vocabulary (docs/domain.md, docs/formats.md). Codes are stable: they are in import files and reports. */
export const CASE_TYPES = ['LSL25', 'LSL25C', 'SHL35', 'SHL35_NOTICE', 'APPLICATION'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** Child welfare by definition (LsL 25 §, 25 c §): letters cite LsL 26 §, the others SHL 36 §. */
export const isChildWelfareType = (type: string): boolean => type === 'LSL25' || type === 'LSL25C';

export const CHANNELS = [
  'PHONE',
  'PYYDA_APUA',
  'OMAOLO',
  'OMAPALVELU',
  'WALK_IN',
  'LETTER',
  'PROFESSIONAL',
  'POLICE',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const REPORTER_CATEGORIES = [
  'POLICE',
  'SCHOOL',
  'EARLY_EDUCATION',
  'HEALTH_CARE',
  'SOCIAL_SERVICES',
  'PARENT',
  'CHILD',
  'RELATIVE',
  'PRIVATE_PERSON',
  'ANONYMOUS',
  'OTHER_AUTHORITY',
] as const;
export type ReporterCategory = (typeof REPORTER_CATEGORIES)[number];

export const DECISIONS = ['START_ASSESSMENT', 'NO_ACTION', 'GUIDANCE', 'TRANSFER_EXISTING', 'URGENT'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * Decisions after which the service need assessment runs against its 3-month deadline: a started
 * assessment, and an urgent child welfare measure (LsL 27 §; THL: urgent measures are no reason to leave
 * the assessment undone).
 */
export const ASSESSMENT_DECISIONS: readonly Decision[] = ['START_ASSESSMENT', 'URGENT'];
export const runsAssessment = (decision: string | null): boolean =>
  decision !== null && (ASSESSMENT_DECISIONS as readonly string[]).includes(decision);

/**
 * What THL's deadline monitoring counts (SHL 3 § 5; docs/domain.md "Decisions"): child welfare, a child in need
 * of special support, or neither. LSL25 and LSL25C are child welfare by definition.
 */
export const CONCERNS = ['CHILD_WELFARE', 'SPECIAL_SUPPORT', 'OTHER'] as const;
export type Concern = (typeof CONCERNS)[number];
export const concernOf = (type: string, recorded: Concern | null): Concern | null =>
  isChildWelfareType(type) ? 'CHILD_WELFARE' : recorded;

/** Why a statutory deadline was missed: the supervisory agencies ask (a code plus free text). */
export const OVERRUN_REASONS = [
  'STAFF_SHORTAGE',
  'FAMILY_UNREACHABLE',
  'FAMILY_POSTPONED',
  'WAITING_FOR_INFORMATION',
  'TRANSFERRED_LATE',
  'OTHER',
] as const;
export type OverrunReason = (typeof OVERRUN_REASONS)[number];

/** A case closed as not a case: never a decision, never in THL's count (docs/domain.md "Decisions"). */
export const CLOSURE_REASONS = ['DUPLICATE', 'REGISTERED_IN_ERROR', 'OTHER_COUNTY'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** HANDOVER: the assessment is complete and the family moves on to planned social work (issue 22 item 6). */
export const CASE_STATUSES = ['AWAITING_BIRTH', 'NEW', 'TRIAGE', 'ASSESSMENT', 'HANDOVER', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Where a case stands, from what has been recorded on it. */
export function caseStatus(c: {
  pendingFrom: string | null;
  urgencyAssessedAt: string | null;
  decision: string | null;
  assessmentCompletedDate: string | null;
  closedReason?: string | null;
  /** PENDING from a completion that needs longer support until the hand-over meeting is held (HELD). */
  handoverState?: string | null;
}): CaseStatus {
  if (c.closedReason) return 'CLOSED';
  if (runsAssessment(c.decision)) {
    if (!c.assessmentCompletedDate) return 'ASSESSMENT';
    return c.handoverState === 'PENDING' ? 'HANDOVER' : 'CLOSED';
  }
  if (c.decision) return 'CLOSED';
  if (!c.pendingFrom) return 'AWAITING_BIRTH';
  return c.urgencyAssessedAt ? 'TRIAGE' : 'NEW';
}

export const STAFF_ROLES = ['SOCIAL_WORKER', 'COUNSELLOR', 'LEAD', 'SERVICE_COORDINATOR'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** How a service need assessment ends (docs/domain.md): planned social work, child welfare client, or no further need. */
export const ASSESSMENT_OUTCOMES = ['PLANNED_SOCIAL_WORK', 'CHILD_WELFARE_CLIENT', 'NO_FURTHER_NEED'] as const;
export type AssessmentOutcome = (typeof ASSESSMENT_OUTCOMES)[number];
/**
 * The outcomes that need longer support: the family is handed over to planned social work in a hand-over
 * meeting (siirtopalaveri), and the case closes only when that meeting is held (issue 22 item 6).
 */
export const needsHandover = (outcome: string | null): boolean =>
  outcome === 'PLANNED_SOCIAL_WORK' || outcome === 'CHILD_WELFARE_CLIENT';

export const CONTACT_MODES = ['PHONE', 'MEETING', 'HOME_VISIT', 'LETTER'] as const;
export type ContactMode = (typeof CONTACT_MODES)[number];

/** The meetings of a service need assessment (issue 22 item 2): planned, then held or cancelled. */
export const ASSESSMENT_MEETING_KINDS = ['HOME_VISIT', 'OFFICE', 'NETWORK', 'PHONE', 'VIDEO'] as const;
/** A hand-over meeting (HANDOVER) follows the assessment and is planned and held in its own step (item 6). */
export const MEETING_KINDS = [...ASSESSMENT_MEETING_KINDS, 'HANDOVER'] as const;
export type AssessmentMeetingKind = (typeof ASSESSMENT_MEETING_KINDS)[number];
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_STATUSES = ['PLANNED', 'HELD', 'CANCELLED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
/** Who takes part: the child, a guardian or other family member, a partner professional, a worker. */
export const PARTICIPANT_KINDS = ['CHILD', 'GUARDIAN', 'FAMILY', 'PARTNER', 'WORKER'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];
/** The client's consent to share information with a partner of the assessment (issue 22 item 3). */
export const CONSENTS = ['GIVEN', 'REFUSED', 'WITHDRAWN'] as const;
export type Consent = (typeof CONSENTS)[number];
/** Why information may go to a partner: the client's consent, or the partner's statutory duty to take part. */
export const DISCLOSURE_BASES = ['CONSENT', 'STATUTORY'] as const;
export type DisclosureBasis = (typeof DISCLOSURE_BASES)[number];
/** What the queue can narrow running assessments to: those still missing a home visit or a meeting with the child. */
export const ASSESSMENT_GAPS = ['NO_HOME_VISIT', 'CHILD_NOT_MET'] as const;
export type AssessmentGap = (typeof ASSESSMENT_GAPS)[number];

/** The anonymous advice log (no personal data): how, in which language, about what, guided where. */
export const ADVICE_CHANNELS = ['PHONE', 'WEB', 'WALK_IN', 'EMAIL'] as const;
export type AdviceChannel = (typeof ADVICE_CHANNELS)[number];
export const ADVICE_LANGUAGES = ['fi', 'sv', 'en', 'other'] as const;
export type AdviceLanguage = (typeof ADVICE_LANGUAGES)[number];
export const ADVICE_TOPICS = [
  'PARENTING',
  'FAMILY_CONFLICT',
  'DIVORCE',
  'SCHOOL',
  'MENTAL_HEALTH',
  'SUBSTANCE_USE',
  'FINANCES_HOUSING',
  'CHILD_WELFARE_CONCERN',
  'SERVICE_INFO',
  'OTHER',
] as const;
export type AdviceTopic = (typeof ADVICE_TOPICS)[number];
export const ADVICE_GUIDED_TO = [
  'FAMILY_CENTRE',
  'FAMILY_COUNSELLING',
  'HEALTH_CARE',
  'SCHOOL_WELFARE',
  'ORGANIZATION',
  'PARISH',
  'SOCIAL_SERVICES',
  'NOTIFICATION_MADE',
  'NOT_GUIDED',
] as const;
export type AdviceGuidedTo = (typeof ADVICE_GUIDED_TO)[number];
