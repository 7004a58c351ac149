import { caseDeadlines, type WorkingDayCalendar } from '../../shared/calendar';
import {
  caseStatus,
  isChildWelfareType,
  runsAssessment,
  type Concern,
  type CaseType,
  type Channel,
  type Decision,
  type ReporterCategory,
} from '../../shared/caseTypes';
import { addDays, helsinkiWallTimeToInstant, type LocalDate } from '../../shared/dates';
import { makeHetu } from '../../shared/hetu';
import { DEFAULT_MUNICIPALITIES } from '../store/seedCounty';
import type { NewCase } from '../store/schema';
import { FI_FIRST, FI_LAST, FI_SUMMARIES, SV_FIRST, SV_LAST, SV_SUMMARIES } from './names';
import type { Random } from './random';

const TYPES: [CaseType, number][] = [
  ['LSL25', 85],
  ['SHL35', 6],
  ['SHL35_NOTICE', 3],
  ['APPLICATION', 4],
  ['LSL25C', 2],
];
const CHANNELS: [Channel, number][] = [
  ['OMAPALVELU', 45],
  ['PHONE', 20],
  ['PYYDA_APUA', 8],
  ['OMAOLO', 5],
  ['POLICE', 10],
  ['PROFESSIONAL', 6],
  ['LETTER', 3],
  ['WALK_IN', 3],
];
const REPORTERS: [ReporterCategory, number][] = [
  ['POLICE', 22],
  ['SCHOOL', 18],
  ['EARLY_EDUCATION', 7],
  ['HEALTH_CARE', 16],
  ['SOCIAL_SERVICES', 12],
  ['PARENT', 9],
  ['CHILD', 2],
  ['RELATIVE', 4],
  ['PRIVATE_PERSON', 4],
  ['ANONYMOUS', 3],
  ['OTHER_AUTHORITY', 3],
];
const MUNICIPALITY_WEIGHTS: [string, number][] = [
  ['porvoo', 50],
  ['sipoo', 22],
  ['loviisa', 15],
  ['askola', 4],
  ['lapinjarvi', 2.5],
  ['myrskyla', 2.5],
  ['pukkila', 2],
];
/** Keski-Pohjanmaa (Soite) 2024: 17% of initiated cases led to a service need assessment (docs/domain.md). */
const DECISION_WEIGHTS: [Decision, number][] = [
  ['START_ASSESSMENT', 17],
  ['NO_ACTION', 30],
  ['GUIDANCE', 35],
  ['TRANSFER_EXISTING', 15],
  ['URGENT', 3],
];
const SHL_CONCERNS: [Concern, number][] = [
  ['SPECIAL_SUPPORT', 35],
  ['CHILD_WELFARE', 25],
  ['OTHER', 40],
];
const REASONS: Record<Decision, string> = {
  START_ASSESSMENT: 'Palvelutarpeen arviointi tarpeen.',
  NO_ACTION: 'Ei sosiaalihuollon tarvetta.',
  GUIDANCE: 'Ohjattu perheneuvolaan.',
  TRANSFER_EXISTING: 'Siirretty omatyöntekijälle.',
  URGENT: 'Kiireellinen lastensuojelun tarve.',
};

export interface DemoEvent {
  kind: string;
  at: string;
  data: Record<string, unknown>;
}

export interface Assignees {
  triage: string[];
  regionalByArea: Map<string, string[]>;
}

const instant = (date: LocalDate, rng: Random, from = 8, to = 16) =>
  helsinkiWallTimeToInstant(date, rng.int(from, to), rng.int(0, 59)).toISOString();

/** One synthetic case, consistent with the statutory clock, as of `today`. */
export function makeCase(
  rng: Random,
  index: number,
  seed: number,
  today: LocalDate,
  assignees: Assignees,
  calendar: WorkingDayCalendar,
  historyDays: number,
): { row: NewCase; events: DemoEvent[] } {
  // Every 50th case (of the first 2,000) is an anticipatory notification still waiting for the birth.
  const waiting = index % 50 === 25 && index < 2000;
  const type = waiting ? 'LSL25C' : rng.weighted(TYPES);
  // Every 50th case (of the first 2,000) is today's inflow, not yet assessed for urgency.
  const fresh = index % 50 === 0 && index < 2000;
  const received = addDays(
    today,
    fresh ? -rng.int(0, 1) : waiting ? -rng.int(0, 20) : -Math.floor(rng.next() ** 0.8 * historyDays),
  );
  const receivedAt = rng.chance(0.08) ? instant(received, rng, 17, 23) : instant(received, rng);
  const swedish = rng.chance(0.3);
  const municipalityId = rng.weighted(MUNICIPALITY_WEIGHTS);
  const municipality = DEFAULT_MUNICIPALITIES.find((m) => m.id === municipalityId)!;
  const events: DemoEvent[] = [{ kind: 'REGISTERED', at: receivedAt, data: { channel: type } }];

  let pendingFrom: LocalDate | null = received;
  let birthDate: LocalDate | null = addDays(received, -rng.int(30, 17 * 365));
  let expectedBirth: LocalDate | null = null;
  if (type === 'LSL25C') {
    expectedBirth = addDays(received, rng.int(30, 150));
    const born = addDays(expectedBirth, rng.int(-14, 10));
    birthDate = born <= today ? born : null;
    pendingFrom = birthDate;
    if (birthDate) events.push({ kind: 'BIRTH_RECORDED', at: instant(birthDate, rng), data: {} });
  }
  const hasName = type !== 'LSL25C' || birthDate !== null;
  const first = hasName ? rng.pick(swedish ? SV_FIRST : FI_FIRST) : null;
  const last = hasName ? rng.pick(swedish ? SV_LAST : FI_LAST) : null;

  let urgencyAt: string | null = null;
  let decision: Decision | null = null;
  let decisionDate: LocalDate | null = null;
  let completed: LocalDate | null = null;
  // The assessment-week worker who assessed the urgency and decided; a started assessment goes to a region.
  const decider = rng.pick(assignees.triage);
  let assignee: string | null = decider;
  const deadlines = pendingFrom ? caseDeadlines(pendingFrom) : null;
  if (pendingFrom && deadlines) {
    const ageInWorkingDays = calendar.workingDaysBetween(pendingFrom, today);
    if (!fresh && (ageInWorkingDays > 0 || rng.chance(0.6))) urgencyAt = instant(pendingFrom, rng, 8, 15);
    // A few cases run late, but nothing lies undecided for months: that is not how the teams work.
    const decidedShare = ageInWorkingDays >= 25 ? 1 : ageInWorkingDays >= 9 ? 0.85 : ageInWorkingDays / 12;
    if (urgencyAt && rng.chance(decidedShare)) {
      const lateness = rng.chance(0.08) ? rng.int(8, 12) : rng.int(1, 7);
      decisionDate = calendar.addWorkingDays(pendingFrom, lateness);
      if (decisionDate > today) decisionDate = today;
      decision = rng.weighted(DECISION_WEIGHTS);
      events.push({ kind: 'DECIDED', at: instant(decisionDate, rng), data: { decision } });
      if (runsAssessment(decision)) {
        assignee = rng.pick(assignees.regionalByArea.get(municipality.area_id) ?? assignees.triage);
        const done = addDays(pendingFrom, rng.chance(0.12) ? rng.int(93, 120) : rng.int(35, 90));
        if (done <= today) {
          completed = done;
          events.push({ kind: 'ASSESSMENT_COMPLETED', at: instant(done, rng), data: {} });
        }
      }
    }
    if (urgencyAt)
      events.splice(1, 0, { kind: 'URGENCY_ASSESSED', at: urgencyAt, data: { urgent: decision === 'URGENT' } });
  }
  const now = receivedAt;
  const row: NewCase = {
    id: `c${seed}-${String(index + 1).padStart(7, '0')}`,
    external_id: `DEMO-${seed}-${index + 1}`,
    notification_id: null,
    linked_case_id: null,
    type,
    channel: rng.weighted(CHANNELS),
    received_at: receivedAt,
    received_date: received,
    reporter_category: rng.weighted(REPORTERS),
    municipality_id: municipality.id,
    area_id: municipality.area_id,
    child_first_name: first,
    child_last_name: last,
    child_birth_date: birthDate,
    child_hetu: birthDate && rng.chance(0.6) ? makeHetu(birthDate, 900 + rng.int(2, 99)) : null,
    expected_birth_date: expectedBirth,
    pending_from: pendingFrom,
    start_due: deadlines?.startDue ?? null,
    complete_due: deadlines?.completeDue ?? null,
    summary: rng.pick(swedish ? SV_SUMMARIES : FI_SUMMARIES),
    urgency_assessed_at: urgencyAt,
    urgency_assessed_by: urgencyAt ? decider : null,
    urgency_result: urgencyAt ? (decision === 'URGENT' ? 'URGENT' : 'NOT_URGENT') : null,
    decision,
    // LSL cases are child welfare; a decided SHL contact was classified by its social worker.
    concern: isChildWelfareType(type) ? 'CHILD_WELFARE' : decision ? rng.weighted(SHL_CONCERNS) : null,
    decision_date: decisionDate,
    decision_at: decisionDate ? events.find((e) => e.kind === 'DECIDED')!.at : null,
    decision_by: decision ? decider : null,
    decision_reason: decision ? REASONS[decision] : null,
    assessment_completed_date: completed,
    assignee_user_id: assignee,
    status: caseStatus({ pendingFrom, urgencyAssessedAt: urgencyAt, decision, assessmentCompletedDate: completed }),
    created_at: now,
    updated_at: events[events.length - 1]!.at,
  };
  return { row, events };
}
