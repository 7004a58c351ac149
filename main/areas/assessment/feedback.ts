/**
 * Customer feedback on service need assessments (issue 22 item 7; Varha's Soihtu collects it). After the
 * assessment the family gets a request (the FEEDBACK_REQUEST letter) with its team's feedback code for the
 * year: a code that names a team, not a family. Staff enter the answers from paper or a message with that
 * code; an answer is stored with its team and day only, so no report can link it back to a family.
 */
import type { ParsedInputOf } from '../../../shared/contract';
import { helsinkiDate } from '../../../shared/dates';
import { invalidInput } from '../../../shared/errors';
import type { Context } from '../../app/context';
import { listTeams } from '../org/queries';
import { insertFeedback } from './queries';

/** A team's feedback code for a year, e.g. "EAST-2026": short enough to print and to type back. */
export function feedbackCode(teamId: string, year: number): string {
  const word = (teamId.split('-').pop() ?? teamId)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 10);
  return `${word || 'TEAM'}-${year}`;
}

export async function recordFeedback(core: Context, input: ParsedInputOf<'assessment.recordFeedback'>) {
  if (input.answeredOn > helsinkiDate(core.now())) throw invalidInput('answeredOn: is in the future');
  const code = input.code.toUpperCase().replace(/\s+/g, '');
  const year = Number(code.slice(-4));
  const teams = (await listTeams(core.db)).filter((t) => t.areaId && feedbackCode(t.id, year) === code);
  if (teams.length !== 1) throw invalidInput(`code: not a feedback code of this county ("${input.code.slice(0, 40)}")`);
  const team = teams[0]!;
  await core.transact(
    { actor: core.actor(), action: 'assessment.recordFeedback', details: { teamId: team.id } },
    (trx) =>
      insertFeedback(trx, {
        team_id: team.id,
        answered_on: input.answeredOn,
        helped: input.helped,
        heard: input.heard,
        clear: input.clear,
      }),
  );
  return { team: team.name };
}
