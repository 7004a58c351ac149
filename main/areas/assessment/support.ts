/**
 * Support started while the assessment runs (issue 22 item 5; Itä-Uusimaa: support measures started during
 * the assessment). Child welfare support starts the child welfare client relationship (LsL 27 §), which is
 * the social worker's call; the family is told with a letter (letters.create, kind SUPPORT_NOTICE).
 */
import { randomUUID } from 'node:crypto';
import type { ParsedInputOf } from '../../../shared/contract';
import type { CaseDetail } from '../../../shared/contract/cases';
import type { Support } from '../../../shared/contract/meetings';
import { helsinkiDate } from '../../../shared/dates';
import { invalidInput } from '../../../shared/errors';
import type { Context } from '../../app/context';
import type { Row } from '../../store/schema';
import { changeCase } from '../cases/triage';
import { requireRunningAssessment, requireSocialWorker, serviceOrName } from './checks';
import { insertSupport } from './queries';

export async function startSupport(
  core: Context,
  input: ParsedInputOf<'assessment.startSupport'>,
): Promise<CaseDetail> {
  const actor = core.actor()!;
  if (input.childWelfare) requireSocialWorker(actor.role, input.caseId, 'Child welfare support (LsL 27 §)');
  if (input.startedDate > helsinkiDate(core.now())) throw invalidInput('startedDate: is in the future');
  const id = randomUUID();
  let name = input.name;
  return changeCase(
    core,
    input.caseId,
    'assessment.startSupport',
    () => ({
      kind: 'SUPPORT_STARTED',
      data: { supportId: id, name, startedDate: input.startedDate, childWelfare: input.childWelfare },
      audit: { supportId: id, childWelfare: input.childWelfare, startedDate: input.startedDate },
    }),
    async (row, trx) => {
      requireRunningAssessment(row, 'Support is recorded');
      if (row.decision_date && input.startedDate < row.decision_date)
        throw invalidInput('startedDate: is before the assessment started');
      name = await serviceOrName(trx, input.serviceId, name);
      return {};
    },
    (trx) =>
      insertSupport(trx, {
        id,
        case_id: input.caseId,
        service_id: input.serviceId ?? null,
        name,
        started_date: input.startedDate,
        child_welfare: input.childWelfare ? 1 : 0,
        created_by: actor.id,
        created_at: core.now().toISOString(),
      }),
  );
}

export function supportOf(s: Row<'assessment_supports'>): Support {
  return {
    id: s.id,
    serviceId: s.service_id,
    name: s.name,
    startedDate: s.started_date,
    childWelfare: Number(s.child_welfare) === 1,
  };
}

/** Since when the family is a child welfare client: the first child welfare support's start (LsL 27 §). */
export function clientRelationshipSince(supports: readonly Support[]): string | null {
  return (
    supports
      .filter((s) => s.childWelfare)
      .map((s) => s.startedDate)
      .sort()[0] ?? null
  );
}
