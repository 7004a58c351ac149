/**
 * The demo's assessment work (issue 22): a work pair for about half of the assessments, and 3-7 meetings
 * each (a home visit first, as Varha's model has it, though one in seven has none yet), held before today and
 * planned after it. Drawn from their own random stream, so the cases themselves stay those of the seed.
 */
import { runsAssessment, type MeetingKind } from '../../shared/caseTypes';
import type { Participant } from '../../shared/contract/meetings';
import { addDays, daysBetween, helsinkiWallTimeToInstant, type LocalDate } from '../../shared/dates';
import type { NewCase, NewMeeting } from '../store/schema';
import type { Random } from './random';
import { childTookPart } from '../areas/assessment/meetingRecord';

const LATER_KINDS: readonly (readonly [MeetingKind, number])[] = [
  ['OFFICE', 3],
  ['NETWORK', 2],
  ['PHONE', 2],
  ['VIDEO', 1],
  ['HOME_VISIT', 1],
];
const PARTNERS = ['Koulukuraattori', 'Koulupsykologi', 'Perheneuvola', 'Nuorisopsykiatria', 'Ankkuri-tiimi'];

function participantsOf(rng: Random, kind: MeetingKind, child: string): Participant[] {
  const guardian: Participant = { kind: 'GUARDIAN', name: 'Huoltaja' };
  const withChild = kind === 'HOME_VISIT' ? rng.chance(0.9) : kind === 'OFFICE' ? rng.chance(0.5) : false;
  return [
    ...(withChild ? [{ kind: 'CHILD' as const, name: child }] : []),
    guardian,
    ...(kind === 'NETWORK' ? [{ kind: 'PARTNER' as const, name: rng.pick(PARTNERS) }] : []),
  ];
}

/** The case's work pair (set on the row) and its meetings, for a case whose assessment was started. */
export function demoAssessmentWork(
  rng: Random,
  c: NewCase,
  today: LocalDate,
  counsellorsByArea: ReadonlyMap<string, readonly string[]>,
): NewMeeting[] {
  if (!runsAssessment(c.decision ?? null) || !c.decision_date || !c.assignee_user_id) return [];
  const counsellors = counsellorsByArea.get(c.area_id) ?? [];
  if (counsellors.length && rng.chance(0.5)) c.pair_user_id = rng.pick(counsellors);
  const from = addDays(c.decision_date, 2);
  const to = c.assessment_completed_date ?? addDays(today, 21);
  const span = Math.max(1, daysBetween(from, to));
  const count = rng.int(3, 7);
  const homeVisitFirst = rng.chance(6 / 7);
  return Array.from({ length: count }, (_, n) => {
    const day = addDays(from, Math.floor((span * n) / count) + rng.int(0, 2));
    const kind: MeetingKind = n === 0 && homeVisitFirst ? 'HOME_VISIT' : rng.weighted(LATER_KINDS);
    const startsAt = helsinkiWallTimeToInstant(day, rng.int(8, 15), rng.pick([0, 30])).toISOString();
    const participants = participantsOf(rng, kind, c.child_first_name ?? 'Lapsi');
    const by = n % 2 === 1 && c.pair_user_id ? c.pair_user_id : c.assignee_user_id!;
    return {
      id: `m-${c.id}-${n + 1}`,
      case_id: c.id,
      kind,
      starts_at: startsAt,
      duration_minutes: kind === 'NETWORK' ? 90 : 60,
      status: day < today ? 'HELD' : 'PLANNED',
      participants: JSON.stringify(participants),
      child_met: childTookPart(participants) ? 1 : 0,
      note: '',
      created_by: by,
      created_at: startsAt,
      updated_by: by,
      updated_at: startsAt,
    };
  });
}
