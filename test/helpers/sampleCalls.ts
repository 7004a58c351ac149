/**
 * A valid call of every IPC operation, for the role-matrix and read-path tests. The record's type makes a
 * new operation without a sample a compile error, so no operation escapes those tests. Each sample reads
 * what it needs from the store as it stands (a case in the caller's scope, an absence, a letter...).
 */
import type { Kysely } from 'kysely';
import { dispatch } from '../../main/ipc/dispatcher';
import { DEMO_PASSWORD } from './stores';
import type { Core } from '../../main/app/core';
import { caseViewer } from '../../main/areas/cases/caseAccess';
import { caseScopeFilter } from '../../main/areas/cases/scopeQueries';
import { proposeRepair } from '../../main/areas/roster/rosterRepair';
import { readRosterConfig } from '../../main/areas/settings/queries';
import type { Database } from '../../main/store/schema';
import type { InputOf, OperationName } from '../../shared/contract';
import type { CaseStatus } from '../../shared/caseTypes';
import { letterTemplates } from '../../main/areas/cases/letters';
import { listBackups } from '../../main/areas/backups/backups';
import { randomBytes } from 'node:crypto';

export interface SampleContext {
  core: Core;
  /** The demo's users by role (the first of each is the one signed in). */
  users: { id: string; username: string; role: string }[];
}

type Sample<K extends OperationName> = ((ctx: SampleContext) => Promise<InputOf<K>> | InputOf<K>) | 'public';
export type Samples = { [K in OperationName]: Sample<K> };

const db = (ctx: SampleContext): Kysely<Database> => ctx.core.db;
const MONTH = { from: '2026-11-01', to: '2026-11-30' };

/**
 * Cases in every open state for the role about to be tested, registered and moved on by a signed-in lead
 * and assigned to `assigneeId`, so that even a regional worker has one of each in scope.
 */
export async function prepareCases(ctx: SampleContext, assigneeId: string): Promise<void> {
  const call = async (name: OperationName, input: unknown) => {
    const r = await dispatch(ctx.core, name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as { caseIds: string[] };
  };
  const municipalityId = (await db(ctx).selectFrom('municipalities').select('id').executeTakeFirstOrThrow()).id;
  const base = {
    channel: 'PHONE',
    receivedAt: '2026-11-23T08:00:00+02:00',
    reporterCategory: 'SCHOOL',
    municipalityId,
  };
  const child = (firstName: string) => ({ firstName, lastName: 'Matriisi', birthDate: '2016-01-01', hetu: '' });
  const { caseIds } = await call('cases.register', {
    ...base,
    type: 'LSL25',
    children: ['Uusi', 'Arvio', 'Kontakti', 'Aloitettu', 'Työpari', 'Siirto'].map(child),
  });
  const team = await db(ctx)
    .selectFrom('teams')
    .select('id')
    .where('area_id', 'is not', null)
    .executeTakeFirstOrThrow();
  for (const id of caseIds.slice(1)) await call('cases.recordUrgency', { id, urgent: false });
  // Two running assessments: one for cases.completeAssessment to end, one still running for the assessment's work;
  // a third completed towards planned social work, its hand-over meeting planned for the morning.
  for (const id of caseIds.slice(3, 6))
    await call('cases.recordDecision', { id, decision: 'START_ASSESSMENT', reason: 'Arvio alkaa.', teamId: team.id });
  await call('cases.completeAssessment', {
    id: caseIds[5],
    completedDate: '2026-11-23',
    outcome: 'PLANNED_SOCIAL_WORK',
    summary: 'Suunnitelmallinen sosiaalityö.',
  });
  await call('assessment.planHandover', { ...(await handoverSample(ctx)), caseId: caseIds[5] });
  // Received 2.11., due 11.11.: late on the tests' day, so that an overrun reason can be recorded.
  const late = await call('cases.register', {
    ...base,
    receivedAt: '2026-11-02T08:00:00+02:00',
    type: 'LSL25',
    children: [child('Myöhässä')],
  });
  await call('cases.recordUrgency', { id: late.caseIds[0], urgent: false });
  caseIds.push(...late.caseIds);
  const unborn = await call('cases.register', {
    ...base,
    type: 'LSL25C',
    children: [{ firstName: '', lastName: '', birthDate: '', hetu: '', expectedBirthDate: '2027-01-15' }],
  });
  await db(ctx)
    .updateTable('cases')
    .set({ assignee_user_id: assigneeId })
    .where('id', 'in', [...caseIds, ...unborn.caseIds])
    .execute();
}

/**
 * A case of one of `statuses` that the signed-in user may see (the admin, who sees none: any such case);
 * with `lastName`, one of that family (prepareCases registers the Matriisi siblings in one notification).
 */
export async function caseInScope(ctx: SampleContext, statuses: CaseStatus[], lastName?: string): Promise<string> {
  const viewer = await caseViewer(ctx.core);
  const filter = viewer.role === 'ADMIN' ? null : caseScopeFilter(viewer);
  let q = db(ctx)
    .selectFrom('cases as c')
    .select('c.id')
    .where('c.status', 'in', statuses)
    .orderBy('c.received_at', 'desc');
  if (filter) q = q.where(filter);
  if (lastName) q = q.where('c.child_last_name', '=', lastName);
  const row =
    (await q.executeTakeFirst()) ?? (await db(ctx).selectFrom('cases').select('id').executeTakeFirstOrThrow());
  return row.id;
}

/** An undecided case past its 7-working-day deadline that the signed-in user may see. */
async function lateCaseInScope(ctx: SampleContext): Promise<string> {
  const viewer = await caseViewer(ctx.core);
  let q = db(ctx)
    .selectFrom('cases as c')
    .select('c.id')
    .where('c.status', 'in', ['NEW', 'TRIAGE'])
    .where('c.start_due', '<', '2026-11-23')
    .orderBy('c.received_at', 'desc');
  const filter = viewer.role === 'ADMIN' ? null : caseScopeFilter(viewer);
  if (filter) q = q.where(filter);
  return ((await q.executeTakeFirst()) ?? (await db(ctx).selectFrom('cases').select('id').executeTakeFirstOrThrow()))
    .id;
}

/** A hand-over to a regional social worker at 11:00 on the tests' day, with a guardian. */
async function handoverSample(ctx: SampleContext) {
  return {
    toUserId: otherUser(ctx, 'REGIONAL', 1),
    startsAt: '2026-11-23 11:00',
    participants: [{ kind: 'GUARDIAN' as const, name: 'Huoltaja Matriisi' }],
  };
}

/**
 * A partner of `caseId`'s assessment that takes part under a statutory duty (so a disclosure has its basis),
 * invited for the sample if the case has none; any partner id when the caller cannot see the case.
 */
async function partnerOf(ctx: SampleContext, caseId: string): Promise<string> {
  const existing = await db(ctx)
    .selectFrom('assessment_partners')
    .select('id')
    .where('case_id', '=', caseId)
    .where('statutory', '=', 1)
    .executeTakeFirst();
  if (existing) return existing.id;
  const id = `sample-partner-${caseId}`;
  const actor = (await db(ctx).selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
  await db(ctx)
    .insertInto('assessment_partners')
    .values({
      id,
      case_id: caseId,
      service_id: null,
      name: 'Ankkuri-tiimi',
      role: 'poliisi',
      statutory: 1,
      consent: null,
      consent_date: null,
      created_by: actor,
      created_at: '2026-11-23T08:00:00Z',
      updated_at: '2026-11-23T08:00:00Z',
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return id;
}

const otherUser = (ctx: SampleContext, role: string, index = 1) => ctx.users.filter((u) => u.role === role)[index]!.id;

/** Another account the caller may manage: a lead's `role` colleague, or the admin's second admin account. */
async function manageableUser(ctx: SampleContext, role: string): Promise<string> {
  if (ctx.core.actor()?.role !== 'ADMIN') return otherUser(ctx, role);
  const admin = await db(ctx).selectFrom('users').select('id').where('username', '=', 'uusi.admin').executeTakeFirst();
  return admin?.id ?? otherUser(ctx, role);
}

async function anyAbsence(ctx: SampleContext) {
  return db(ctx).selectFrom('absences').select(['id', 'staff_id']).orderBy('id', 'desc').executeTakeFirstOrThrow();
}

/** A new sick day over a daily duty (the demo's roster avoids its own absences), so a repair has work to do. */
async function absenceOverDuty(ctx: SampleContext): Promise<number> {
  const duty = await db(ctx)
    .selectFrom('duty_assignments')
    .select(['staff_id', 'date'])
    .where('date', '>=', '2026-12-01')
    .orderBy('date')
    .executeTakeFirstOrThrow();
  const { id } = await db(ctx)
    .insertInto('absences')
    .values({
      staff_id: duty.staff_id,
      from_date: duty.date!,
      to_date: duty.date!,
      kind: 'SICK_LEAVE',
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A school's phone notification about `children` (no identity codes), as a counsellor registers it. */
export function phoneNotification(
  municipalityId: string,
  children: { firstName: string; lastName: string; birthDate: string }[],
) {
  return {
    type: 'LSL25' as const,
    channel: 'PHONE' as const,
    receivedAt: '2026-11-23T09:00:00+02:00',
    reporterCategory: 'SCHOOL' as const,
    municipalityId,
    children: children.map((c) => ({ ...c, hetu: '' })),
  };
}

export const samples: Samples = {
  'app.status': 'public',
  'setup.createStore': 'public',
  'setup.createFirstLead': 'public',
  'setup.probeServer': 'public',
  'setup.useServer': 'public',
  'store.unlock': 'public',
  'session.signIn': 'public',
  'store.restoreLatest': 'public',
  'ui.setLanguage': 'public',
  'session.signOut': () => ({ reason: 'USER' }),
  'sessions.list': () => ({}),
  // Someone else's session on the county server, live now: a lead or the admin may end it.
  'sessions.end': async (ctx) => {
    const id = randomBytes(32).toString('hex');
    const at = ctx.core.now().toISOString();
    const other = ctx.users.find((u) => u.role === 'ADVICE')!;
    await db(ctx)
      .insertInto('sessions')
      .values({
        token_hash: id,
        user_id: other.id,
        created_at: at,
        last_activity: at,
        ended_at: null,
        ended_reason: null,
      })
      .execute();
    return { id };
  },
  'session.changePassword': () => ({ current: DEMO_PASSWORD, next: 'uusi-salasana-123', repeat: 'uusi-salasana-123' }),
  'users.list': () => ({}),
  // A lead manages the accounts that see client data, the county admin only admin accounts (users.ts): each
  // caller creates one it may, and then (users.save comes first in the contract) deactivates or resets one.
  'users.save': (ctx) => ({
    username: `uusi.${ctx.core.actor()!.role.toLowerCase()}`,
    displayName: 'Uusi Käyttäjä',
    role: ctx.core.actor()!.role === 'ADMIN' ? 'ADMIN' : 'ADVICE',
    password: 'tilapäinen-salasana-1',
  }),
  'users.setActive': async (ctx) => ({ id: await manageableUser(ctx, 'REGIONAL'), active: false }),
  'users.resetPassword': async (ctx) => ({
    id: await manageableUser(ctx, 'ADVICE'),
    password: 'tilapäinen-salasana-2',
  }),
  'workload.board': () => ({}),
  'cases.suggestAssignees': (ctx) => ({ fromUserId: otherUser(ctx, 'ASSESSMENT_SW', 0) }),
  'cases.reassign': async (ctx) => {
    const to = otherUser(ctx, 'REGIONAL', 0);
    const c = await db(ctx)
      .selectFrom('cases')
      .select('id')
      .where('status', '!=', 'CLOSED')
      .where((eb) => eb.or([eb('assignee_user_id', '!=', to), eb('assignee_user_id', 'is', null)]))
      .executeTakeFirstOrThrow();
    return { caseIds: [c.id], toUserId: to, reason: 'Esteellisyys' };
  },
  'cases.reassignProgress': () => ({}),
  'inbox.list': () => ({}),
  'inbox.markRead': () => ({}),
  'audit.childAccessLog': async (ctx) => ({ caseId: await caseInScope(ctx, ['TRIAGE']), language: 'fi' }),
  'audit.childAccessLogPdf': async (ctx) => ({ caseId: await caseInScope(ctx, ['TRIAGE']), language: 'fi' }),
  'retention.report': () => ({}),
  'settings.get': () => ({}),
  'settings.update': () => ({ dueSoonWorkingDays: 3 }),
  'overview.get': () => ({}),
  'roster.list': () => MONTH,
  'roster.config': () => ({}),
  'roster.saveConfig': async (ctx) => readRosterConfig(db(ctx)),
  'roster.generate': () => ({ kind: 'MONTH', month: '2027-02' }),
  'roster.generateProgress': () => ({}),
  'roster.cancelGenerate': () => ({}),
  'roster.move': async (ctx) => {
    const duty = await db(ctx)
      .selectFrom('duty_assignments')
      .select(['id', 'staff_id'])
      .where('date', 'is not', null)
      .executeTakeFirstOrThrow();
    return { id: duty.id, staffId: duty.staff_id, dryRun: true };
  },
  'roster.lock': async (ctx) => ({
    id: (await db(ctx).selectFrom('duty_assignments').select('id').executeTakeFirstOrThrow()).id,
    locked: true,
  }),
  'roster.swapWeeks': () => ({ a: '2026-W49', b: '2026-W50', reason: '' }),
  'roster.publish': async (ctx) => ({
    periodId: (await db(ctx).selectFrom('roster_periods').select('id').executeTakeFirst())?.id ?? 'ei-jaksoa',
  }),
  'roster.changes': () => MONTH,
  'roster.repairProposal': async (ctx) => ({ absenceId: (await anyAbsence(ctx)).id }),
  'roster.applyRepair': async (ctx) => {
    const absenceId = await absenceOverDuty(ctx);
    const proposal = await proposeRepair(ctx.core, absenceId);
    const changes = proposal.changes.map(({ date, week, duty, fromStaffId, toStaffId }) => ({
      ...{ date, week, duty, fromStaffId, toStaffId },
    }));
    return { absenceId, changes, reason: 'Sairausloma' };
  },
  'roster.fairness': () => MONTH,
  'staff.directory': () => MONTH,
  'staff.save': async (ctx) => {
    const s = await db(ctx).selectFrom('staff').selectAll().executeTakeFirstOrThrow();
    return {
      id: s.id,
      name: s.name,
      role: s.role as never,
      fte: s.fte,
      languages: JSON.parse(s.languages) as string[],
      areaId: s.area_id,
      teamId: s.team_id,
      maxDutiesPerWeek: s.max_duties_per_week,
    };
  },
  'staff.addAbsence': async (ctx) => ({
    staffId: (await anyAbsence(ctx)).staff_id,
    from: '2027-06-07',
    to: '2027-06-11',
    kind: 'TRAINING',
  }),
  'staff.removeAbsence': async (ctx) => ({ id: (await anyAbsence(ctx)).id }),
  'staff.wish': async (ctx) => ({ staffId: (await anyAbsence(ctx)).staff_id, date: '2027-03-10', off: true }),
  'org.closureDay': () => ({ date: '2027-03-12', reason: 'Koulutuspäivä', closed: true }),
  'roster.ics': () => ({ ...MONTH, language: 'fi' }),
  'cases.queue': () => ({}),
  'cases.get': async (ctx) => ({ id: await caseInScope(ctx, ['NEW', 'TRIAGE', 'ASSESSMENT']) }),
  'cases.printed': async (ctx) => ({ id: await caseInScope(ctx, ['NEW', 'TRIAGE', 'ASSESSMENT']) }),
  'cases.siblings': async (ctx) => ({ id: await caseInScope(ctx, ['NEW', 'TRIAGE', 'ASSESSMENT'], 'Matriisi') }),
  'cases.register': async (ctx) =>
    phoneNotification((await db(ctx).selectFrom('municipalities').select('id').executeTakeFirstOrThrow()).id, [
      { firstName: 'Testi', lastName: 'Lapsi', birthDate: '2015-05-05' },
    ]),
  'cases.findExisting': async (ctx) => {
    const c = await db(ctx)
      .selectFrom('cases')
      .select('child_hetu')
      .where('child_hetu', 'is not', null)
      .executeTakeFirstOrThrow();
    return { hetu: c.child_hetu! };
  },
  'cases.recordUrgency': async (ctx) => ({ id: await caseInScope(ctx, ['NEW']), urgent: false }),
  // The urgency the caller recorded last (the sample above, or prepareCases for a lead), still undecided.
  'cases.undoUrgency': async (ctx) => {
    const mine = await db(ctx)
      .selectFrom('cases')
      .select('id')
      .where('urgency_assessed_by', '=', ctx.core.actor()!.id)
      .where('decision', 'is', null)
      // Not a demo case's (no recorded time): PostgreSQL sorts NULLs first when descending.
      .where('urgency_recorded_at', 'is not', null)
      .orderBy('urgency_recorded_at', 'desc')
      .executeTakeFirst();
    return { id: mine?.id ?? (await caseInScope(ctx, ['NEW'])) };
  },
  'cases.recordDecision': async (ctx) => ({
    id: await caseInScope(ctx, ['TRIAGE']),
    decision: 'NO_ACTION',
    reason: 'Ei huolta lapsen tilanteesta.',
  }),
  'cases.correctUrgency': async (ctx) => {
    const id = await caseInScope(ctx, ['TRIAGE']);
    const row = await db(ctx).selectFrom('cases').select('received_at').where('id', '=', id).executeTakeFirstOrThrow();
    return {
      id,
      urgent: false,
      assessedAt: new Date(Date.parse(row.received_at) + 60_000).toISOString(),
      reason: 'Arviointiaika kirjattiin väärin.',
    };
  },
  'cases.correctDecision': async (ctx) => ({
    id: await caseInScope(ctx, ['ASSESSMENT']),
    concern: 'CHILD_WELFARE',
    reason: 'Luokittelu tarkistettu.',
  }),
  'cases.overrunReason': async (ctx) => ({
    id: await lateCaseInScope(ctx),
    deadline: 'START',
    reason: 'FAMILY_UNREACHABLE',
    note: 'Perhettä ei tavoitettu.',
  }),
  'cases.closeAsNotCase': async (ctx) => ({
    id: await caseInScope(ctx, ['NEW']),
    reason: 'DUPLICATE',
    note: 'Sama ilmoitus kirjattu kahdesti.',
  }),
  'cases.recordBirth': async (ctx) => ({
    id: await caseInScope(ctx, ['AWAITING_BIRTH']),
    birthDate: '2026-11-20',
    firstName: 'Vauva',
    lastName: 'Testinen',
  }),
  'cases.recordContact': async (ctx) => ({
    id: await caseInScope(ctx, ['TRIAGE', 'ASSESSMENT']),
    date: '2026-11-20',
    mode: 'PHONE',
  }),
  'cases.completeAssessment': async (ctx) => ({
    id: await caseInScope(ctx, ['ASSESSMENT']),
    completedDate: '2026-11-23',
    outcome: 'NO_FURTHER_NEED',
    summary: 'Arvio valmis.',
  }),
  'assessment.setPair': async (ctx) => ({
    caseId: await caseInScope(ctx, ['ASSESSMENT']),
    pairUserId: otherUser(ctx, 'COUNSELLOR', 1),
  }),
  'assessment.pairCandidates': async (ctx) => ({ caseId: await caseInScope(ctx, ['ASSESSMENT']) }),
  'assessment.saveMeeting': async (ctx) => ({
    caseId: await caseInScope(ctx, ['ASSESSMENT']),
    kind: 'HOME_VISIT',
    startsAt: '2026-11-30 10:00',
    status: 'PLANNED',
    participants: [{ kind: 'CHILD', name: 'Lapsi' }],
  }),
  'assessment.invitePartner': async (ctx) => ({
    caseId: await caseInScope(ctx, ['ASSESSMENT']),
    name: 'Liisa Laine',
    role: 'koulukuraattori',
  }),
  'assessment.recordConsent': async (ctx) => {
    const caseId = await caseInScope(ctx, ['ASSESSMENT']);
    return { caseId, partnerId: await partnerOf(ctx, caseId), consent: 'GIVEN', date: '2026-11-23' };
  },
  'assessment.disclose': async (ctx) => {
    const caseId = await caseInScope(ctx, ['ASSESSMENT']);
    return { caseId, partnerId: await partnerOf(ctx, caseId), basis: 'STATUTORY', what: 'Yhteenveto' };
  },
  'cases.sevenDayList': () => ({}),
  'assessment.recordFeedback': () => ({ code: 'EAST-2026', answeredOn: '2026-11-23', helped: 4, heard: 5, clear: 3 }),
  'assessment.saveSummary': async (ctx) => ({
    caseId: await caseInScope(ctx, ['ASSESSMENT']),
    situation: 'Perhe on väsynyt.',
    childView: 'Haluaa harrastuksen.',
  }),
  'assessment.startSupport': async (ctx) => ({
    caseId: await caseInScope(ctx, ['ASSESSMENT']),
    name: 'Perhetyö',
    startedDate: '2026-11-23',
  }),
  'assessment.planHandover': async (ctx) => ({
    ...(await handoverSample(ctx)),
    caseId: await caseInScope(ctx, ['HANDOVER']),
  }),
  'assessment.holdHandover': async (ctx) => ({ caseId: await caseInScope(ctx, ['HANDOVER']) }),
  'assessment.myMeetings': () => ({ from: '2026-11-01', to: '2026-12-31' }),
  'assessment.meetingsIcs': () => ({ from: '2026-11-01', to: '2026-12-31', language: 'sv' }),
  'cases.export': () => ({ view: 'OPEN', purpose: 'Määräaikojen tarkastus' }),
  'cases.importCsv': (ctx) => ({
    text: `type,channel,received_at,reporter_category,municipality,child_first_name,child_last_name\nLSL25,PHONE,2026-11-20 09:00,SCHOOL,Porvoo,Tuonti,${ctx.core.actor()!.role}\n`,
  }),
  'cases.importProgress': () => ({}),
  'reports.thl': () => ({ from: '2026-01-01', to: '2026-06-30' }),
  'reports.thlCases': () => ({ from: '2026-01-01', to: '2026-06-30', figure: 'pending.total' }),
  'reports.thlCasesPrinted': () => ({ from: '2026-01-01', to: '2026-06-30', figure: 'pending.total', rows: 20 }),
  'reports.dashboard': () => ({ from: '2026-01-01', to: '2026-11-23' }),
  'users.assignable': () => ({}),
  'org.teams': () => ({}),
  'org.areas': () => ({}),
  'guidance.services': () => ({}),
  'guidance.saveService': () => ({ name: 'Perheneuvola Testi', kind: 'PUBLIC' }),
  'letters.templates': () => ({}),
  'letters.saveTemplate': async (ctx) => {
    const t = (await letterTemplates(ctx.core))[0]!;
    return { kind: t.kind, language: t.language, body: `${t.body}\n` };
  },
  'letters.create': async (ctx) => ({
    caseId: await caseInScope(ctx, ['TRIAGE']),
    kind: 'RECEIPT_NOTICE',
    language: 'fi',
    recipient: 'Huoltaja',
  }),
  'letters.pdf': async (ctx) => ({
    id: (await db(ctx).selectFrom('letters').select('id').executeTakeFirst())?.id ?? 1,
  }),
  'org.municipalities': () => ({}),
  'advice.today': () => ({}),
  'advice.log': () => ({ channel: 'PHONE', language: 'fi', topic: 'PARENTING', guidedTo: 'FAMILY_CENTRE' }),
  'advice.undo': async (ctx) => ({
    id: (await db(ctx).selectFrom('advice_contacts').select('id').orderBy('id', 'desc').executeTakeFirst())?.id ?? 1,
  }),
  'backups.list': () => ({}),
  'backups.create': () => ({}),
  // backups.create comes first in the contract: a manager restores the backup it made.
  // On PostgreSQL there are no app backups to list (the county's backups are county IT's): any name will do.
  'backups.restore': async (ctx) => ({
    name:
      (ctx.core.openStore?.engine === 'sqlite' ? (await listBackups(ctx.core))[0]?.name : undefined) ??
      'luukku-none.db',
  }),
};
