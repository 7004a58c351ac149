/**
 * An assessment's meetings as a plan and a record (issue 22 item 2): office meetings, home visits, network
 * meetings, calls and video meetings, planned and then held or cancelled, with who took part. Each write is
 * one unit of work with its case event and audit entry (kinds, codes and times only, never the note).
 */
import { randomUUID } from 'node:crypto';
import type { ParsedInputOf } from '../../../shared/contract';
import type { CaseDetail } from '../../../shared/contract/cases';
import type { MeetingStatus } from '../../../shared/caseTypes';
import { addDays, helsinkiWallTimeToInstant, type LocalDate } from '../../../shared/dates';
import { invalidInput, LuukkuError } from '../../../shared/errors';
import type { Language } from '../../../shared/schemas';
import type { Context } from '../../app/context';
import { icsCalendar } from '../../app/ics';
import { mainText } from '../../text';
import { caseViewer } from '../cases/caseAccess';
import { caseScopeFilter } from '../cases/scopeQueries';
import { changeCase } from '../cases/triage';
import { hasBegun, meetingColumns, meetingOf, meetingStart } from './meetingRecord';
import { requireRunningAssessment } from './checks';
import { insertMeeting, meetingRow, meetingsOfWorker, updateMeeting } from './queries';

type MeetingInput = ParsedInputOf<'assessment.saveMeeting'>;

export const EVENT_OF: Record<MeetingStatus, string> = {
  PLANNED: 'MEETING_PLANNED',
  HELD: 'MEETING_HELD',
  CANCELLED: 'MEETING_CANCELLED',
};

export async function saveMeeting(core: Context, input: MeetingInput): Promise<CaseDetail> {
  const now = core.now();
  const startsAt = meetingStart(input.startsAt);
  if (input.status === 'HELD' && !hasBegun(startsAt, now))
    throw invalidInput('startsAt: a held meeting cannot be in the future');
  const id = input.meetingId ?? randomUUID();
  let changed = false;
  return changeCase(
    core,
    input.caseId,
    'assessment.saveMeeting',
    () => ({
      kind: changed ? 'MEETING_CHANGED' : EVENT_OF[input.status],
      data: { meetingId: id, kind: input.kind, startsAt: startsAt.toISOString(), status: input.status },
      audit: { meetingKind: input.kind, status: input.status },
    }),
    async (row, trx) => {
      requireRunningAssessment(row, 'Meetings are planned and recorded');
      if (startsAt.getTime() < Date.parse(row.received_at))
        throw invalidInput('startsAt: is before the notification was received');
      if (input.meetingId) {
        const existing = await meetingRow(trx, input.meetingId);
        if (!existing || existing.case_id !== input.caseId)
          throw new LuukkuError('NOT_FOUND', 'This case has no such meeting.', undefined, 'noSuchMeeting');
        if (existing.status === 'CANCELLED')
          throw new LuukkuError('WRONG_STATE', 'The meeting was cancelled.', undefined, 'meetingCancelled');
        if (existing.status === 'HELD' && input.status !== 'HELD')
          throw new LuukkuError(
            'WRONG_STATE',
            'A held meeting stays held; correct its details instead.',
            undefined,
            'meetingStaysHeld',
          );
        changed = existing.status === input.status;
      }
      return {};
    },
    async (trx) => {
      const fields = meetingColumns({ ...input, startsAt }, core.actor()!.id, now);
      if (input.meetingId) await updateMeeting(trx, id, fields);
      else
        await insertMeeting(trx, {
          id,
          case_id: input.caseId,
          ...fields,
          created_by: core.actor()!.id,
          created_at: now.toISOString(),
        });
    },
  );
}

/** The instants a range of Helsinki calendar days covers: from its first midnight to the one after its end. */
function instants(range: { from: LocalDate; to: LocalDate }) {
  return {
    from: helsinkiWallTimeToInstant(range.from, 0, 0).toISOString(),
    to: helsinkiWallTimeToInstant(addDays(range.to, 1), 0, 0).toISOString(),
  };
}

/**
 * The caller's planned and held meetings in a range of days (the cases they are responsible for or are the
 * pair of), read and logged as one unit: the log names every case the calendar showed.
 */
async function workerMeetings(
  core: Context,
  range: { from: LocalDate; to: LocalDate },
  action: string,
  purpose: string,
) {
  const viewer = await caseViewer(core);
  return core.transact<Awaited<ReturnType<typeof meetingsOfWorker>>>(
    (rows) => ({ actor: core.actor(), action, purpose, caseIds: [...new Set(rows.map((r) => r.case_id))] }),
    (trx) => meetingsOfWorker(trx, viewer.userId, instants(range), caseScopeFilter(viewer)),
  );
}

export async function myMeetings(core: Context, range: { from: LocalDate; to: LocalDate }) {
  const rows = await workerMeetings(core, range, 'assessment.myMeetings', 'meeting calendar');
  return rows.map((r) => ({
    ...meetingOf(r.case_id, r),
    childName: [r.child_first_name, r.child_last_name].filter(Boolean).join(' ') || null,
  }));
}

/**
 * The same meetings as an iCalendar file for Outlook or a phone: the meeting's kind and time only. A calendar
 * file leaves Luukku's encrypted store, so it names no child, no family and no partner.
 */
export async function meetingsIcs(core: Context, input: { from: LocalDate; to: LocalDate; language: Language }) {
  const t = mainText(input.language);
  const rows = await workerMeetings(core, input, 'assessment.meetingsIcs', 'meeting calendar export');
  const ics = icsCalendar(
    'Assessment meetings',
    t('meetings.calendarName'),
    rows.map((r) => {
      const start = new Date(r.starts_at);
      return {
        uid: `luukku-meeting-${r.id}@luukku`,
        span: { instants: { start, end: new Date(start.getTime() + Number(r.duration_minutes) * 60_000) } },
        summary: `${t(`meetingKinds.${r.kind}`)} · Luukku`,
        description: t('meetings.icsDescription'),
      };
    }),
    core.now(),
  );
  return { fileName: `luukku-meetings-${input.from}-${input.to}.ics`, ics, meetings: rows.length };
}
