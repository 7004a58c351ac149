/**
 * `import meetings` (docs/formats.md v1.2): the meetings of service need assessments from a county's earlier
 * system, one row per meeting, to cases already in Luukku (by Luukku's case id or the case import's
 * external_id). One transaction: any invalid row and nothing is written, every error listed with its line. A
 * meeting already in Luukku (the same case, kind and start) is never duplicated: a planned one the file
 * records as held or cancelled is updated, an unchanged one skipped, and a held or cancelled one is never
 * changed back by a file.
 */
import { randomUUID } from 'node:crypto';
import {
  ASSESSMENT_MEETING_KINDS,
  MEETING_STATUSES,
  PARTICIPANT_KINDS,
  runsAssessment,
  type AssessmentMeetingKind,
  type MeetingStatus,
} from '../../../shared/caseTypes';
import type { Participant } from '../../../shared/contract/meetings';
import { parseDateTime } from '../../../shared/datetime';
import { ASSESSMENT_ROLES } from '../../../shared/roles';
import type { Actor } from '../../store/audit';
import type { NewMeeting } from '../../store/schema';
import type { Transactor, UnitOfWork } from '../../store/unitOfWork';
import { cellsOf, readCsvTable, widthError, type Rejected } from '../../app/csvTable';
import { checkText, FieldErrors, oneOf } from '../cases/caseValidation';
import { insertEvents } from '../cases/recordQueries';
import type { NewEvent } from '../cases/caseRecord';
import { hasBegun, meetingColumns } from './meetingRecord';
import { EVENT_OF } from './meetings';
import { insertMeetings, meetingImportContext, updateMeeting } from './queries';

export const MEETING_IMPORT_COLUMNS = [
  'case_id',
  'case_external_id',
  'kind',
  'starts_at',
  'duration_minutes',
  'status',
  'participants',
  'note',
  'worker',
] as const;
const REQUIRED = ['kind', 'starts_at', 'status', 'worker'] as const;
const MAX_PARTICIPANTS = 20;

export interface MeetingImportResult {
  imported: number;
  updated: number;
  /** Meetings already in Luukku as the file has them. */
  skipped: number;
  rejected: Rejected[];
}

interface MeetingLine {
  line: number;
  caseRef: { field: 'case_id' | 'case_external_id'; value: string };
  kind: AssessmentMeetingKind;
  startsAt: Date;
  durationMinutes: number;
  status: MeetingStatus;
  participants: Participant[];
  note: string;
  worker: string;
}

/** "CHILD: Ella; GUARDIAN: Maija Parityö" as participants, each kind one of PARTICIPANT_KINDS. */
function participantsOf(errors: FieldErrors, text: string): Participant[] {
  const parts = text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length > MAX_PARTICIPANTS) errors.add('participants', `at most ${MAX_PARTICIPANTS}`);
  return parts.flatMap((part) => {
    const colon = part.indexOf(':');
    const kind = oneOf(errors, 'participants', (colon < 0 ? '' : part.slice(0, colon)).trim().toUpperCase(), [
      ...PARTICIPANT_KINDS,
    ]);
    const name = colon < 0 ? '' : part.slice(colon + 1).trim();
    if (!name || name.length > 120)
      errors.add('participants', `"${part.slice(0, 40)}": write KIND: name (1-120 characters)`);
    return kind && name && name.length <= 120 ? [{ kind, name }] : [];
  });
}

function checkLine(get: (column: string) => string, line: number, now: Date): MeetingLine | { error: string } {
  const errors = new FieldErrors();
  const ids = (['case_id', 'case_external_id'] as const).filter((c) => get(c));
  if (ids.length !== 1) errors.add('case_id', 'give the case by case_id or case_external_id (one of them)');
  const kind = oneOf(errors, 'kind', get('kind').toUpperCase(), ASSESSMENT_MEETING_KINDS);
  const status = oneOf(errors, 'status', get('status').toUpperCase(), MEETING_STATUSES);
  const startsAt = get('starts_at') ? parseDateTime(get('starts_at'), { dateOnly: false }) : null;
  if (!startsAt) errors.add('starts_at', `not a date-time (e.g. 2026-12-22 09:15): "${get('starts_at').slice(0, 40)}"`);
  else if (status === 'HELD' && !hasBegun(startsAt, now))
    errors.add('starts_at', 'a held meeting cannot be in the future');
  const durationText = get('duration_minutes');
  const durationMinutes = durationText ? Number(durationText) : 60;
  if (!Number.isInteger(durationMinutes) || durationMinutes < 15 || durationMinutes > 480)
    errors.add('duration_minutes', 'whole minutes from 15 to 480');
  const participants = participantsOf(errors, get('participants'));
  if (status === 'HELD' && !participants.length) errors.add('participants', 'say who took part in a held meeting');
  const note = get('note');
  checkText(errors, 'note', note, 2000);
  const worker = get('worker');
  if (!worker) errors.add('worker', 'required: the username of the worker who recorded the meeting');
  if (errors.any || !kind || !status || !startsAt) return { error: errors.list.join('; ') };
  return {
    line,
    caseRef: { field: ids[0]!, value: get(ids[0]!) },
    kind,
    startsAt,
    durationMinutes,
    status,
    participants,
    note,
    worker,
  };
}

export async function importMeetingsCsv(
  store: Transactor,
  text: string,
  options: { now: Date; actor: Actor },
): Promise<MeetingImportResult> {
  const table = readCsvTable(text, REQUIRED);
  if ('fileError' in table) return { imported: 0, updated: 0, skipped: 0, rejected: [table.fileError] };
  const { columns, rows } = table;
  const rejected: Rejected[] = [];
  const lines: MeetingLine[] = [];
  for (const record of rows) {
    const wrongWidth = widthError(record, columns);
    if (wrongWidth) {
      rejected.push({ line: record.line, error: wrongWidth });
      continue;
    }
    const get = cellsOf(record, columns);
    const checked = checkLine(get, record.line, options.now);
    if ('error' in checked) rejected.push({ line: record.line, error: checked.error });
    else lines.push(checked);
  }
  // The cases, workers and meetings that decide each row are read in the same unit as the writes; the rows
  // those reads refute are listed with the rows refuted by themselves.
  return store.unitOfWork((uow) => writeMeetings(uow, lines, rejected, options));
}

async function writeMeetings(
  { trx, audit }: UnitOfWork,
  lines: MeetingLine[],
  rejected: Rejected[],
  options: { now: Date; actor: Actor },
): Promise<MeetingImportResult> {
  const context = await meetingImportContext(trx, {
    caseIds: lines.filter((l) => l.caseRef.field === 'case_id').map((l) => l.caseRef.value),
    externalIds: lines.filter((l) => l.caseRef.field === 'case_external_id').map((l) => l.caseRef.value),
    usernames: lines.map((l) => l.worker),
  });
  const now = options.now.toISOString();
  const inserts: NewMeeting[] = [];
  const updates: { id: string; line: MeetingLine; userId: string }[] = [];
  const events: NewEvent[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  for (const l of lines) {
    const found = (l.caseRef.field === 'case_id' ? context.byId : context.byExternalId).get(l.caseRef.value);
    const user = context.users.get(l.worker);
    const errors: string[] = [];
    if (!found) errors.push(`${l.caseRef.field}: no case "${l.caseRef.value.slice(0, 64)}" in Luukku`);
    else if (!runsAssessment(found.decision))
      errors.push(`${l.caseRef.field}: the case's decision started no service need assessment`);
    else if (l.startsAt.getTime() < Date.parse(found.received_at))
      errors.push('starts_at: is before the notification was received');
    if (!user || Number(user.active) !== 1 || !ASSESSMENT_ROLES.includes(user.role))
      errors.push(`worker: "${l.worker.slice(0, 64)}" is not an active account of the assessment's workers`);
    const key = found && `${found.id}|${l.kind}|${l.startsAt.toISOString()}`;
    if (key && seen.has(key)) errors.push(`the same meeting (case, kind, start) is on line ${seen.get(key)}`);
    if (errors.length || !found || !user || !key) {
      rejected.push({ line: l.line, error: errors.join('; ') });
      continue;
    }
    seen.set(key, l.line);
    const existing = context.meetings.get(key);
    if (existing && existing.status === l.status) {
      skipped++;
      continue;
    }
    if (existing && existing.status !== 'PLANNED') {
      rejected.push({
        line: l.line,
        error: `status: the meeting is ${existing.status} in Luukku, and a file does not change a held or cancelled meeting`,
      });
      continue;
    }
    const id = existing?.id ?? randomUUID();
    if (existing) updates.push({ id, line: l, userId: user.id });
    else
      inserts.push({
        id,
        case_id: found.id,
        ...meetingColumns(l, user.id, options.now),
        created_by: user.id,
        created_at: now,
      });
    events.push({
      case_id: found.id,
      at: now,
      user_id: null,
      kind: EVENT_OF[l.status],
      data: JSON.stringify({
        meetingId: id,
        kind: l.kind,
        startsAt: l.startsAt.toISOString(),
        status: l.status,
        importedBy: options.actor.name,
        migration: true,
      }),
    });
  }
  if (rejected.length)
    return { imported: 0, updated: 0, skipped: 0, rejected: rejected.sort((a, b) => a.line - b.line) };
  await insertMeetings(trx, inserts);
  for (const u of updates) await updateMeeting(trx, u.id, meetingColumns(u.line, u.userId, options.now));
  await insertEvents(trx, events);
  const result = { imported: inserts.length, updated: updates.length, skipped, rejected };
  // Every case the file gave a meeting is named, so each child's access-log report shows the import.
  audit({
    actor: options.actor,
    action: 'assessment.importMeetings',
    caseIds: [...new Set(events.map((e) => e.case_id))],
    details: { imported: result.imported, updated: result.updated, skipped, migration: true },
  });
  return result;
}
