/**
 * Intake and triage: registering notifications, recording urgency, the decision and a birth. Each change is
 * one transaction with its case event and audit entry; each read of a case is audit-logged (703/2023 § 10).
 */
import { randomUUID } from 'node:crypto';
import { caseDeadlines, workingDayCalendar, type WorkingDayCalendar } from '../../shared/calendar';
import type { CaseDetail, QueueResult } from '../../shared/caseContract';
import {
  caseStatus,
  type AssessmentOutcome,
  type CaseStatus,
  type CaseType,
  type ContactMode,
  type Decision,
} from '../../shared/caseTypes';
import { caseClock } from '../../shared/clock';
import { helsinkiDate } from '../../shared/dates';
import { LuukkuError } from '../../shared/errors';
import type { Core } from '../app/core';
import { appendAudit } from '../store/audit';
import { findExistingCases, queryQueue, readCase, type ParsedQueueQuery } from '../store/caseQueries';
import type { Updateable } from 'kysely';
import type { CaseRow, CasesTable } from '../store/schema';
import { readSettings } from '../store/settings';
import { buildCase } from './caseRecord';
import { childIdentity, FieldErrors, findMunicipality, pastDateTime } from './caseValidation';

async function calendarOf(core: Core): Promise<WorkingDayCalendar> {
  const closures = await core.db.selectFrom('closure_days').select('date').execute();
  return workingDayCalendar(closures.map((c) => c.date));
}

function childName(first: string | null, last: string | null): string | null {
  return first || last ? [first, last].filter(Boolean).join(' ') : null;
}

export async function caseQueue(core: Core, userId: string, q: ParsedQueueQuery): Promise<QueueResult> {
  const [calendar, settings] = await Promise.all([calendarOf(core), readSettings(core.db)]);
  const today = helsinkiDate(core.now());
  const ctx = { today, calendar, dueSoonWorkingDays: settings.dueSoonWorkingDays, userId };
  const { page, total, totalCapped, counts, overdue } = await queryQueue(core.db, q, ctx);
  await core.audit({
    actor: core.actor(),
    action: 'cases.queue',
    purpose: 'case queue',
    details: { view: q.view, rows: page.length, total, search: !!q.text },
  });
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
      overdue,
    },
    rows: page.map((r) => {
      const status = r.status as CaseStatus;
      return {
        id: r.id,
        type: r.type as CaseType,
        status,
        childName: childName(r.child_first_name, r.child_last_name),
        childBirthDate: r.child_birth_date,
        municipality: r.municipality,
        receivedAt: r.received_at,
        pendingFrom: r.pending_from,
        startDue: r.start_due,
        completeDue: r.complete_due,
        assignee: r.assignee,
        clock: caseClock(
          { status, startDue: r.start_due, completeDue: r.complete_due },
          today,
          calendar,
          settings.dueSoonWorkingDays,
        ),
      };
    }),
  };
}

/** Reads one case for the detail pane; the read itself is logged with its purpose. */
export async function caseDetail(core: Core, id: string, purpose = 'case detail'): Promise<CaseDetail> {
  const found = await readCase(core.db, id);
  if (!found) throw new LuukkuError('NOT_FOUND', 'No such case.');
  await core.audit({ actor: core.actor(), action: 'cases.read', purpose, caseId: id });
  const [calendar, settings] = await Promise.all([calendarOf(core), readSettings(core.db)]);
  const r = found.row;
  const status = r.status as CaseStatus;
  return {
    id: r.id,
    externalId: r.external_id,
    type: r.type as CaseType,
    status,
    channel: r.channel as CaseDetail['channel'],
    reporterCategory: r.reporter_category as CaseDetail['reporterCategory'],
    areaId: r.area_id,
    childName: childName(r.child_first_name, r.child_last_name),
    childFirstName: r.child_first_name,
    childLastName: r.child_last_name,
    childBirthDate: r.child_birth_date,
    childHetu: r.child_hetu,
    expectedBirthDate: r.expected_birth_date,
    municipality: r.municipality,
    receivedAt: r.received_at,
    pendingFrom: r.pending_from,
    startDue: r.start_due,
    completeDue: r.complete_due,
    assignee: r.assignee,
    summary: r.summary,
    urgencyAssessedAt: r.urgency_assessed_at,
    urgencyAssessedBy: r.urgency_by_name,
    urgencyResult: r.urgency_result as CaseDetail['urgencyResult'],
    decision: r.decision as Decision | null,
    decisionDate: r.decision_date,
    decisionBy: r.decision_by_name,
    decisionReason: r.decision_reason,
    assessmentCompletedDate: r.assessment_completed_date,
    assessmentOutcome: r.assessment_outcome as CaseDetail['assessmentOutcome'],
    assessmentSummary: r.assessment_summary,
    clock: caseClock(
      { status, startDue: r.start_due, completeDue: r.complete_due },
      helsinkiDate(core.now()),
      calendar,
      settings.dueSoonWorkingDays,
    ),
    events: found.events.map((e) => ({
      at: e.at,
      kind: e.kind,
      user: e.user,
      data: JSON.parse(e.data) as Record<string, unknown>,
    })),
  };
}

export interface RegisterFacts {
  type: CaseType;
  channel: string;
  receivedAt: string;
  reporterCategory: string;
  reporterContact: string;
  municipalityId: string;
  summary: string;
  children: { firstName: string; lastName: string; birthDate: string; hetu: string; expectedBirthDate: string }[];
  linkToCaseId?: string | undefined;
}

/** Registers one notification: one case per child, linked as one notification (siblings). */
export async function registerNotification(core: Core, input: RegisterFacts): Promise<string[]> {
  const now = core.now();
  const errors = new FieldErrors();
  const receivedAt = pastDateTime(errors, 'receivedAt', input.receivedAt, now, true);
  const municipalities = await core.db
    .selectFrom('municipalities')
    .select(['id', 'area_id', 'name_fi', 'name_sv'])
    .execute();
  const municipality = findMunicipality(errors, input.municipalityId, municipalities);
  const children = input.children.map((c, i) => {
    const childErrors = new FieldErrors();
    const child = childIdentity(childErrors, input.type, c, helsinkiDate(now));
    childErrors.list.forEach((e) => errors.list.push(`children.${i}.${e}`));
    return child;
  });
  if (
    input.linkToCaseId &&
    !(await core.db.selectFrom('cases').select('id').where('id', '=', input.linkToCaseId).executeTakeFirst())
  ) {
    errors.add('linkToCaseId', 'no such case');
  }
  if (errors.any || !receivedAt || !municipality)
    throw new LuukkuError('INVALID_INPUT', `Invalid input: ${errors.list.join('; ')}`);
  const calendar = await calendarOf(core);
  const actor = core.actor()!;
  const notificationId = randomUUID();
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
      },
      calendar,
      now,
    ),
  );
  await core.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('notifications')
      .values({
        id: notificationId,
        received_at: receivedAt.toISOString(),
        channel: input.channel,
        reporter_category: input.reporterCategory,
        reporter_contact: input.reporterContact || null,
        created_by: actor.id,
        created_at: now.toISOString(),
      })
      .execute();
    for (const b of built) {
      await trx
        .insertInto('cases')
        .values({ ...b.row, linked_case_id: input.linkToCaseId ?? null })
        .execute();
      await trx.insertInto('case_events').values(b.events).execute();
    }
    for (const b of built) await appendAudit(trx, { actor, action: 'cases.register', caseId: b.row.id }, now);
  });
  return built.map((b) => b.row.id);
}

async function changeCase(
  core: Core,
  id: string,
  action: string,
  event: { kind: string; data: Record<string, unknown> },
  change: (row: CaseRow) => Updateable<CasesTable>,
): Promise<void> {
  const actor = core.actor()!;
  const now = core.now();
  await core.transact({ actor, action, caseId: id, details: { kind: event.kind } }, async (trx) => {
    const row = await trx.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new LuukkuError('NOT_FOUND', 'No such case.');
    const patch = change(row);
    const next = { ...row, ...patch };
    const status = caseStatus({
      pendingFrom: next.pending_from,
      urgencyAssessedAt: next.urgency_assessed_at,
      decision: next.decision,
      assessmentCompletedDate: next.assessment_completed_date,
    });
    await trx
      .updateTable('cases')
      .set({ ...patch, status, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('case_events')
      .values({
        case_id: id,
        at: now.toISOString(),
        user_id: actor.id,
        kind: event.kind,
        data: JSON.stringify(event.data),
      })
      .execute();
  });
}

/** LsL 26 § 2 mom: the urgent need for child welfare is assessed at once; who and when are recorded. */
export async function recordUrgency(core: Core, id: string, urgent: boolean): Promise<void> {
  const actor = core.actor()!;
  await changeCase(core, id, 'cases.recordUrgency', { kind: 'URGENCY_ASSESSED', data: { urgent } }, (row) => {
    if (row.status === 'AWAITING_BIRTH')
      throw new LuukkuError(
        'WRONG_STATE',
        'The child is not born yet: urgent cases before birth go to the emergency service.',
      );
    if (row.decision) throw new LuukkuError('WRONG_STATE', 'The case is already decided.');
    return {
      urgency_assessed_at: core.now().toISOString(),
      urgency_assessed_by: actor.id,
      urgency_result: urgent ? 'URGENT' : 'NOT_URGENT',
    };
  });
}

/** LsL 26 § 4-5 mom: a social worker decides, with the reason; START_ASSESSMENT goes to a worker. */
export async function recordDecision(
  core: Core,
  input: { id: string; decision: Decision; reason: string; assigneeUserId?: string | undefined },
): Promise<void> {
  const actor = core.actor()!;
  if (input.assigneeUserId) {
    const assignee = await core.db
      .selectFrom('users')
      .select(['id', 'active'])
      .where('id', '=', input.assigneeUserId)
      .executeTakeFirst();
    if (!assignee?.active) throw new LuukkuError('INVALID_INPUT', 'Invalid input: assigneeUserId: no such active user');
  }
  const now = core.now();
  await changeCase(
    core,
    input.id,
    'cases.recordDecision',
    { kind: 'DECIDED', data: { decision: input.decision } },
    (row) => {
      if (row.decision) throw new LuukkuError('WRONG_STATE', 'The case is already decided.');
      if (!row.urgency_assessed_at) throw new LuukkuError('WRONG_STATE', 'Record the urgency assessment first.');
      return {
        decision: input.decision,
        decision_reason: input.reason,
        decision_at: now.toISOString(),
        decision_date: helsinkiDate(now),
        decision_by: actor.id,
        ...(input.assigneeUserId ? { assignee_user_id: input.assigneeUserId } : {}),
      };
    },
  );
}

/** LsL 25 c §: an anticipatory notification becomes pending at the birth; its clock starts then. */
export async function recordBirth(
  core: Core,
  input: { id: string; birthDate: string; firstName: string; lastName: string; hetu: string },
): Promise<void> {
  const errors = new FieldErrors();
  const child = childIdentity(errors, 'LSL25', { ...input, expectedBirthDate: '' }, helsinkiDate(core.now()));
  if (errors.any || !child.birthDate)
    throw new LuukkuError('INVALID_INPUT', `Invalid input: ${errors.list.join('; ') || 'birthDate: required'}`);
  const calendar = await calendarOf(core);
  const deadlines = caseDeadlines(child.birthDate, calendar);
  await changeCase(
    core,
    input.id,
    'cases.recordBirth',
    { kind: 'BIRTH_RECORDED', data: { pendingFrom: child.birthDate } },
    (row) => {
      if (row.type !== 'LSL25C' || row.pending_from)
        throw new LuukkuError('WRONG_STATE', 'Only an anticipatory notification waits for a birth.');
      return {
        child_first_name: child.firstName,
        child_last_name: child.lastName,
        child_birth_date: child.birthDate,
        child_hetu: child.hetu,
        pending_from: child.birthDate,
        start_due: deadlines.startDue,
        complete_due: deadlines.completeDue,
      };
    },
  );
}

export async function existingCases(
  core: Core,
  by: { hetu: string; firstName: string; lastName: string; birthDate: string },
) {
  const found = await findExistingCases(core.db, by);
  if (found.length) {
    await core.audit({
      actor: core.actor(),
      action: 'cases.search',
      purpose: 'duplicate check at registration',
      details: { matches: found.length },
    });
  }
  return found.map(({ row, matchedBy }) => ({
    id: row.id,
    type: row.type as CaseType,
    status: row.status as CaseStatus,
    receivedDate: row.received_date,
    childName: childName(row.child_first_name, row.child_last_name),
    matchedBy,
  }));
}

function assertNotFuture(core: Core, field: string, date: string): void {
  if (date > helsinkiDate(core.now()))
    throw new LuukkuError('INVALID_INPUT', `Invalid input: ${field}: is in the future`);
}

/** A contact with the family (date and mode): the record of how the 7-day decision was prepared. */
export async function recordContact(
  core: Core,
  input: { id: string; date: string; mode: ContactMode; note: string },
): Promise<void> {
  assertNotFuture(core, 'date', input.date);
  await changeCase(
    core,
    input.id,
    'cases.recordContact',
    { kind: 'CONTACT', data: { date: input.date, mode: input.mode, note: input.note } },
    (row) => {
      if (row.status === 'CLOSED') throw new LuukkuError('WRONG_STATE', 'The case is closed.');
      return {};
    },
  );
}

/** The assessment ends with a written summary and an outcome; the 3-month clock stops on its date. */
export async function completeAssessment(
  core: Core,
  input: { id: string; completedDate: string; outcome: AssessmentOutcome; summary: string },
): Promise<void> {
  assertNotFuture(core, 'completedDate', input.completedDate);
  await changeCase(
    core,
    input.id,
    'cases.completeAssessment',
    { kind: 'ASSESSMENT_COMPLETED', data: { outcome: input.outcome } },
    (row) => {
      if (row.status !== 'ASSESSMENT')
        throw new LuukkuError('WRONG_STATE', 'Only a started assessment can be completed.');
      if (row.decision_date && input.completedDate < row.decision_date) {
        throw new LuukkuError(
          'INVALID_INPUT',
          'Invalid input: completedDate: is before the decision to start the assessment',
        );
      }
      return {
        assessment_completed_date: input.completedDate,
        assessment_outcome: input.outcome,
        assessment_summary: input.summary,
      };
    },
  );
}
