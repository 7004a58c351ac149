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
import type { Team } from '../../../shared/contract/org';
import type { Actor } from '../../store/audit';
import type { NewFeedback } from '../../store/schema';
import type { Transactor } from '../../store/unitOfWork';
import { cellsOf, readCsvTable, widthError, type Rejected } from '../../app/csvTable';
import { checkText, FieldErrors, localDate } from '../cases/caseValidation';
import { listTeams } from '../org/queries';
import { insertFeedback, insertFeedbackRows, knownResponseIds } from './queries';

/** A team's feedback code for a year, e.g. "EAST-2026": short enough to print and to type back. */
export function feedbackCode(teamId: string, year: number): string {
  const word = (teamId.split('-').pop() ?? teamId)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 10);
  return `${word || 'TEAM'}-${year}`;
}

/** The regional team a feedback code names, as written on paper (any case, spaces), or null. */
function teamOfCode(teams: Team[], written: string): Team | null {
  const code = written.toUpperCase().replace(/\s+/g, '');
  const year = Number(code.slice(-4));
  const named = teams.filter((t) => t.areaId && feedbackCode(t.id, year) === code);
  return named.length === 1 ? named[0]! : null;
}

const notACode = (written: string) => `not a feedback code of this county ("${written.slice(0, 40)}")`;

export async function recordFeedback(core: Context, input: ParsedInputOf<'assessment.recordFeedback'>) {
  if (input.answeredOn > helsinkiDate(core.now())) throw invalidInput('answeredOn: is in the future');
  const team = teamOfCode(await listTeams(core.db), input.code);
  if (!team) throw invalidInput(`code: ${notACode(input.code)}`);
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

export const FEEDBACK_IMPORT_COLUMNS = ['response_id', 'code', 'answered_on', 'helped', 'heard', 'clear'] as const;

export interface FeedbackImportResult {
  imported: number;
  /** Answers whose response id is already in the store: an export imported again. */
  skipped: number;
  rejected: Rejected[];
}

/**
 * `import feedback` (docs/formats.md v1.2): the answers of a survey tool's export, one row per answer with the
 * tool's response id, the team's code as the family gave it, the day and the three scores. All or nothing;
 * an answer already imported (its response id) is skipped, never counted twice. Stored like a typed-in one:
 * team and day only.
 */
export async function importFeedbackCsv(
  store: Transactor,
  text: string,
  options: { now: Date; actor: Actor },
): Promise<FeedbackImportResult> {
  const table = readCsvTable(text, FEEDBACK_IMPORT_COLUMNS);
  if ('fileError' in table) return { imported: 0, skipped: 0, rejected: [table.fileError] };
  const today = helsinkiDate(options.now);
  return store.unitOfWork(async ({ trx, audit }) => {
    const teams = await listTeams(trx);
    const rejected: Rejected[] = [];
    const rows: { line: number; row: NewFeedback }[] = [];
    const seen = new Map<string, number>();
    for (const record of table.rows) {
      const wrongWidth = widthError(record, table.columns);
      if (wrongWidth) {
        rejected.push({ line: record.line, error: wrongWidth });
        continue;
      }
      const get = cellsOf(record, table.columns);
      const errors = new FieldErrors();
      const responseId = get('response_id');
      if (!responseId) errors.add('response_id', 'required: the survey tool’s id of the answer');
      else checkText(errors, 'response_id', responseId, 100);
      if (seen.has(responseId))
        errors.add('response_id', `"${responseId.slice(0, 40)}" is also on line ${seen.get(responseId)}`);
      const team = teamOfCode(teams, get('code'));
      if (!team) errors.add('code', notACode(get('code')));
      const answeredOn = localDate(errors, 'answered_on', get('answered_on'));
      if (!get('answered_on')) errors.add('answered_on', 'required');
      else if (answeredOn && answeredOn > today) errors.add('answered_on', 'is in the future');
      const scores = (['helped', 'heard', 'clear'] as const).map((c) => {
        const n = Number(get(c));
        if (!/^[1-5]$/.test(get(c))) errors.add(c, 'a whole number 1-5');
        return n;
      });
      if (errors.any || !team || !answeredOn) {
        rejected.push({ line: record.line, error: errors.list.join('; ') });
        continue;
      }
      seen.set(responseId, record.line);
      const [helped, heard, clear] = scores as [number, number, number];
      rows.push({
        line: record.line,
        row: { team_id: team.id, answered_on: answeredOn, helped, heard, clear, response_id: responseId },
      });
    }
    if (rejected.length) return { imported: 0, skipped: 0, rejected };
    const known = await knownResponseIds(
      trx,
      rows.map((r) => r.row.response_id!),
    );
    const fresh = rows.filter((r) => !known.has(r.row.response_id!)).map((r) => r.row);
    await insertFeedbackRows(trx, fresh);
    const result = { imported: fresh.length, skipped: rows.length - fresh.length, rejected };
    // Teams and counts only: an answer is anonymous, and the log names no family either.
    audit({
      actor: options.actor,
      action: 'assessment.importFeedback',
      details: { imported: result.imported, skipped: result.skipped, teams: [...new Set(fresh.map((r) => r.team_id))] },
    });
    return result;
  });
}
