/**
 * Intake and the queue: registering notifications, the queue, a case's detail and earlier cases of a child.
 * Each change is one transaction with its audit entry; each read of a case is audit-logged (703/2023 § 10).
 */
import { meetingFacts, meetingOf, partnerOf } from '../assessment/meetingRecord';
import { summaryRecordOf } from '../assessment/summary';
import type { AssessmentMeeting } from '../../../shared/contract/meetings';
import { clientRelationshipSince, supportOf } from '../assessment/support';
import { randomUUID } from 'node:crypto';
import { STATUTORY_CALENDAR, type WorkingDayCalendar } from '../../../shared/calendar';
import type { CaseDetail, ExistingCases, Guardian, QueueResult, QueueRow } from '../../../shared/contract/cases';
import { LuukkuError } from '../../../shared/errors';
import type { CaseRow, Db } from '../../store/schema';
import {
  concernOf,
  type CaseStatus,
  type CaseType,
  type Channel,
  type OverrunReason,
  type ReporterCategory,
} from '../../../shared/caseTypes';
import { caseClock, urgencyUndoUntil } from '../../../shared/clock';
import { helsinkiDate } from '../../../shared/dates';
import type { Context } from '../../app/context';
import type { Core } from '../../app/core';
import { findExistingCases, queryQueue, readCase, type ParsedQueueQuery } from './queries';
import { readSettings } from '../settings/queries';
import { buildCase } from './caseRecord';
import { caseScopeOf, caseViewer, requireCaseAccess, type CaseViewer } from './caseAccess';
import { assessmentWorkerOn } from '../team/assessmentDuty';
import { caseScopeFilter, casesViewerSees } from './scopeQueries';
import { municipalityRows } from '../org/queries';
import { insertCaseRows, insertEvents, insertNotifications } from './recordQueries';
import { EXISTING_CASE_LOOKUPS_PER_MINUTE } from '../../app/rateLimit';
import { childIdentity, FieldErrors, findMunicipality, pastDateTime } from './caseValidation';

export function childName(first: string | null, last: string | null): string | null {
  return first || last ? [first, last].filter(Boolean).join(' ') : null;
}

export interface ClockContext {
  today: string;
  calendar: WorkingDayCalendar;
  dueSoonWorkingDays: number;
}

/**
 * Today, the statutory calendar and the due-soon window: what a case's clock is computed against. The
 * county's closure days are not in it: they never move a statutory deadline (docs/domain.md).
 */
export async function clockContextOf(core: Context, db: Db = core.db): Promise<ClockContext> {
  const settings = await readSettings(db);
  return {
    today: helsinkiDate(core.now()),
    calendar: STATUTORY_CALENDAR,
    dueSoonWorkingDays: settings.dueSoonWorkingDays,
  };
}

/** A case as a queue row with its clock; the detail pane's record extends this, so both always agree. */
export function queueRowOf(
  r: Pick<
    CaseRow,
    | 'id'
    | 'type'
    | 'status'
    | 'child_first_name'
    | 'child_last_name'
    | 'child_birth_date'
    | 'urgency_result'
    | 'received_at'
    | 'created_at'
    | 'pending_from'
    | 'start_due'
    | 'complete_due'
  > & {
    municipality: string;
    assignee: string | null;
  },
  ctx: ClockContext,
): QueueRow {
  const status = r.status;
  return {
    id: r.id,
    type: r.type,
    status,
    childName: childName(r.child_first_name, r.child_last_name),
    childBirthDate: r.child_birth_date,
    // Assessed urgent (LsL 26 § 2 mom) and still open: the row and the pane carry the badge.
    urgent: r.urgency_result === 'URGENT' && status !== 'CLOSED' && status !== 'HANDOVER',
    municipality: r.municipality,
    receivedAt: r.received_at,
    createdAt: r.created_at,
    pendingFrom: r.pending_from,
    startDue: r.start_due,
    completeDue: r.complete_due,
    assignee: r.assignee,
    clock: caseClock(
      { status, startDue: r.start_due, completeDue: r.complete_due },
      ctx.today,
      ctx.calendar,
      ctx.dueSoonWorkingDays,
    ),
  };
}

/** A queue page: every case it shows is in the audit entry, written in the same transaction as the read. */
export async function caseQueue(core: Context, q: ParsedQueueQuery): Promise<QueueResult> {
  const clockContext = await clockContextOf(core);
  const { today } = clockContext;
  const viewer = await caseViewer(core);
  const { page, total, totalCapped, counts, overdue } = await core.read(
    (r) => ({
      actor: core.actor(),
      action: 'cases.queue',
      purpose: 'case queue',
      caseIds: r.page.map((row) => row.id),
      details: { view: q.view, rows: r.page.length, total: r.total, search: !!q.text },
    }),
    (trx: Db) => queryQueue(trx, q, { ...clockContext, userId: viewer.userId, scope: caseScopeFilter(viewer) }),
  );
  const count = (s: CaseStatus) => Number(counts.find((c) => c.status === s)?.n ?? 0);
  return {
    today,
    total,
    totalCapped,
    counts: {
      AWAITING_BIRTH: count('AWAITING_BIRTH'),
      NEW: count('NEW'),
      TRIAGE: count('TRIAGE'),
      ASSESSMENT: count('ASSESSMENT'),
      HANDOVER: count('HANDOVER'),
      overdue,
    },
    rows: page.map((r) => queueRowOf(r, clockContext)),
  };
}

/** Reads one case for the detail pane; the read itself is logged with its purpose. */
export async function caseDetail(core: Context, id: string, purpose = 'case detail'): Promise<CaseDetail> {
  return core.read({ actor: core.actor(), action: 'cases.read', purpose, caseId: id }, async (trx) =>
    readCaseDetail(core, trx, await requireCaseAccess(core, trx, id), id),
  );
}

/**
 * A user prints a case's summary with its timeline (the detail pane): logged before the print dialog
 * opens, for a case in the caller's scope; no log, no print.
 */
export async function casePrinted(core: Context, id: string): Promise<{ logged: true }> {
  return core.transact(
    { actor: core.actor(), action: 'cases.print', purpose: 'case print', caseId: id },
    async (trx) => {
      await requireCaseAccess(core, trx, id);
      return { logged: true as const };
    },
  );
}

/**
 * The detail pane's record of one case, read in `trx` for a viewer whose scope covers it. Not logged by
 * itself: the caller's unit of work logs the read or the change that shows it (a triage action returns the
 * case it changed under its own entry, not under a second read).
 */
export async function readCaseDetail(core: Context, trx: Db, viewer: CaseViewer, id: string): Promise<CaseDetail> {
  const read = (await readCase(trx, id))!;
  // The linked earlier case's worker is offered for a transfer; only to whoever may see that case.
  const linked = read.row.linked_case_id;
  const seesLinked = !!linked && (await casesViewerSees(viewer, trx, [linked])).has(linked);
  const found = seesLinked ? read : { ...read, row: { ...read.row, linked_assignee_user_id: null } };
  const r = found.row;
  const allMeetings = found.meetings.map((m) => meetingOf(id, m));
  const meetings = allMeetings.filter((m): m is AssessmentMeeting => m.kind !== 'HANDOVER');
  const supports = found.supports.map(supportOf);
  const events = found.events.map((e) => ({
    at: e.at,
    kind: e.kind,
    user: e.user,
    data: JSON.parse(e.data) as Record<string, unknown>,
  }));
  return {
    ...queueRowOf(r, await clockContextOf(core, trx)),
    externalId: r.external_id,
    channel: r.channel as CaseDetail['channel'],
    reporterCategory: r.reporter_category as CaseDetail['reporterCategory'],
    areaId: r.area_id,
    childFirstName: r.child_first_name,
    childLastName: r.child_last_name,
    childHetu: r.child_hetu,
    expectedBirthDate: r.expected_birth_date,
    summary: r.summary,
    urgencyAssessedAt: r.urgency_assessed_at,
    urgencyAssessedBy: r.urgency_by_name,
    urgencyResult: r.urgency_result as CaseDetail['urgencyResult'],
    urgencyRecordedAt: r.urgency_recorded_at,
    urgencyUndoUntil: urgencyUndoUntil(
      {
        urgencyRecordedAt: r.urgency_recorded_at,
        urgencyAssessedBy: r.urgency_assessed_by,
        decided: !!(r.decision || r.closed_reason),
      },
      viewer.userId,
      core.now(),
    ),
    decisionRecordedAt: r.decision ? r.decision_at : null,
    concern: concernOf(r.type, r.concern),
    startOverrun: overrun(r.start_overrun_reason, r.start_overrun_note),
    completeOverrun: overrun(r.complete_overrun_reason, r.complete_overrun_note),
    closedReason: r.closed_reason as CaseDetail['closedReason'],
    closedNote: r.closed_note,
    decision: r.decision,
    decisionDate: r.decision_date,
    decisionBy: r.decision_by_name,
    decisionReason: r.decision_reason,
    assessmentCompletedDate: r.assessment_completed_date,
    assessmentOutcome: r.assessment_outcome as CaseDetail['assessmentOutcome'],
    assessmentSummary: r.assessment_summary,
    reporterContact: r.reporter_contact,
    guardians: JSON.parse(r.guardians ?? '[]') as Guardian[],
    assignedTeam: r.assigned_team,
    pairUserId: r.pair_user_id,
    pair: r.pair,
    meetings,
    meetingFacts: meetingFacts(meetings),
    partners: found.partners.map((p) => partnerOf(p, events)),
    summaryRecord: found.summary && summaryRecordOf(found.summary, found.letters),
    supports,
    clientRelationshipSince: clientRelationshipSince(supports),
    handover: r.handover_state
      ? {
          state: r.handover_state,
          toUserId: r.handover_to,
          to: r.handover_to_name,
          meeting: allMeetings.find((m) => m.kind === 'HANDOVER' && m.status !== 'CANCELLED') ?? null,
          heldDate: r.handover_date,
        }
      : null,
    linkedAssigneeUserId: r.linked_assignee_user_id,
    siblingCount: Number(r.sibling_count ?? 0),
    guidedTo: found.guidedTo,
    // Stored kinds and languages are the contract's enums; the dispatcher validates them on the way out.
    letters: found.letters as CaseDetail['letters'],
    events,
  };
}

function overrun(reason: OverrunReason | null, note: string | null): CaseDetail['startOverrun'] {
  return reason ? { reason, note: note ?? '' } : null;
}

export interface RegisterFacts {
  type: CaseType;
  channel: Channel;
  receivedAt: string;
  reporterCategory: ReporterCategory;
  reporterContact: string;
  municipalityId: string;
  summary: string;
  children: { firstName: string; lastName: string; birthDate: string; hetu: string; expectedBirthDate: string }[];
  guardians: Guardian[];
  linkToCaseId?: string | undefined;
}

/**
 * Registers one notification: one case per child, linked as one notification (siblings). The checks that
 * decide the write (the municipality, the linked case and its scope) read inside the same unit of work.
 */
export async function registerNotification(
  core: Context,
  input: RegisterFacts,
): Promise<{ caseIds: string[]; detail: CaseDetail }> {
  await core.requireUser();
  const actor = core.actor()!;
  const outcome = await core.unitOfWork(async ({ trx, now, audit }) => {
    const errors = new FieldErrors();
    const receivedAt = pastDateTime(errors, 'receivedAt', input.receivedAt, now, true);
    const municipalities = await municipalityRows(trx);
    const municipality = findMunicipality(errors, input.municipalityId, municipalities);
    const children = input.children.map((c, i) => {
      const childErrors = new FieldErrors();
      const child = childIdentity(childErrors, input.type, c, helsinkiDate(now));
      childErrors.list.forEach((e) => errors.list.push(`children.${i}.${e}`));
      return child;
    });
    // Linking is for an earlier case the caller may see; one outside their scope gets the same answer as
    // one that does not exist (only the log tells them apart), so the link reveals nothing.
    const viewer = await caseViewer(core, trx);
    const linkScope = input.linkToCaseId && (await caseScopeOf(viewer, trx, input.linkToCaseId));
    if (linkScope === 'OUT_OF_SCOPE')
      audit({
        actor,
        action: 'cases.register',
        outcome: 'REFUSED',
        caseId: input.linkToCaseId!,
        details: { reason: 'link to a case outside the case scope' },
      });
    if (linkScope && linkScope !== 'IN_SCOPE') errors.add('linkToCaseId', 'no such case among the cases you may see');
    // Refused: only the refusal's log entry (if any) commits.
    if (errors.any || !receivedAt || !municipality) return { refused: errors.error() };
    const notificationId = randomUUID();
    // Each new notification goes to the worker on assessment duty today (issue 22 item 8), if anyone is.
    const assessor = await assessmentWorkerOn(trx, helsinkiDate(now));
    const built = children.map((child) =>
      buildCase(
        {
          id: randomUUID(),
          externalId: null,
          notificationId,
          type: input.type,
          channel: input.channel,
          receivedAt,
          reporterCategory: input.reporterCategory,
          municipality,
          child,
          pendingFrom: null,
          summary: input.summary || null,
          createdBy: actor.id,
          assigneeUserId: assessor,
        },
        now,
      ),
    );
    await insertNotifications(trx, [
      {
        id: notificationId,
        received_at: receivedAt.toISOString(),
        channel: input.channel,
        reporter_category: input.reporterCategory,
        reporter_contact: input.reporterContact || null,
        guardians: JSON.stringify(input.guardians),
        created_by: actor.id,
        created_at: now.toISOString(),
      },
    ]);
    for (const b of built) {
      await insertCaseRows(trx, [{ ...b.row, linked_case_id: input.linkToCaseId ?? null }]);
      await insertEvents(trx, b.events);
    }
    for (const b of built) audit({ actor, action: 'cases.register', caseId: b.row.id });
    const caseIds = built.map((b) => b.row.id);
    return { caseIds, detail: await readCaseDetail(core, trx, viewer, caseIds[0]!) };
  });
  if ('refused' in outcome) throw outcome.refused;
  return outcome;
}

/**
 * The existing-client check at registration. Matches in the caller's scope come back in full; of the
 * others the caller learns only that there are some (703/2023 § 9), so they can ask a team lead. The
 * searched key is in the log entry, and the check is rate-limited per user.
 */
export async function existingCases(
  core: Context & Pick<Core, 'existingCaseLookups'>,
  by: { hetu: string; firstName: string; lastName: string; birthDate: string },
): Promise<ExistingCases> {
  const viewer = await caseViewer(core);
  const searched = by.hetu
    ? { hetu: by.hetu.toUpperCase() }
    : { firstName: by.firstName, lastName: by.lastName, birthDate: by.birthDate };
  if (!core.existingCaseLookups.take(viewer.userId, core.now().getTime())) {
    await core.audit({
      actor: core.actor(),
      action: 'cases.search',
      outcome: 'REFUSED',
      purpose: 'duplicate check at registration',
      details: { searched, reason: 'rate limit' },
    });
    throw new LuukkuError(
      'RATE_LIMITED',
      `Too many searches in a short time (at most ${EXISTING_CASE_LOOKUPS_PER_MINUTE} a minute). Wait a minute and try again; the searches are in the usage log.`,
    );
  }
  const filter = caseScopeFilter(viewer);
  const { visible, outsideScope } = await core.read(
    (r) => ({
      actor: core.actor(),
      action: 'cases.search',
      purpose: 'duplicate check at registration',
      caseIds: r.visible.map((f) => f.row.id),
      details: { searched, matches: r.visible.length, outsideScope: r.outsideScope },
    }),
    async (trx: Db) => {
      const found = await findExistingCases(trx, by);
      const seen = await casesViewerSees(
        viewer,
        trx,
        found.map((f) => f.row.id),
      );
      return {
        visible: found.filter((f) => seen.has(f.row.id)),
        outsideScope: filter !== null && found.length > seen.size,
      };
    },
  );
  return {
    outsideScope,
    cases: visible.map(({ row, matchedBy }) => ({
      id: row.id,
      type: row.type,
      status: row.status,
      receivedDate: row.received_date,
      childName: childName(row.child_first_name, row.child_last_name),
      matchedBy,
    })),
  };
}
