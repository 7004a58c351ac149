/**
 * The summary (yhteenveto) of a service need assessment (issue 22 item 4): the child's and the family's
 * situation, the child's own view, the need for support, the services agreed, and the social worker's
 * conclusion on whether child welfare is needed. The pair may write and edit the text; the conclusion is the
 * social worker's. The family is given it as a letter (letters.create, kind SUMMARY), logged as a disclosure.
 */
import type { ParsedInputOf } from '../../../shared/contract';
import type { CaseDetail } from '../../../shared/contract/cases';
import type { SummaryRecord } from '../../../shared/contract/meetings';
import type { Context } from '../../app/context';
import type { Row } from '../../store/schema';
import { changeCase } from '../cases/triage';
import { requireRunningAssessment, requireSocialWorker } from './checks';
import { saveSummaryRow, summaryRow } from './queries';

const stored = (needed: boolean | null) => (needed === null ? null : needed ? 1 : 0);

export async function saveSummary(core: Context, input: ParsedInputOf<'assessment.saveSummary'>): Promise<CaseDetail> {
  const actor = core.actor()!;
  const concludes = input.childWelfareNeeded !== undefined;
  if (concludes) requireSocialWorker(actor.role, input.caseId, 'The conclusion on whether child welfare is needed');
  return changeCase(
    core,
    input.caseId,
    'assessment.saveSummary',
    {
      kind: 'SUMMARY_SAVED',
      data: concludes ? { childWelfareNeeded: input.childWelfareNeeded } : {},
      audit: { concluded: concludes },
    },
    (row) => {
      requireRunningAssessment(row, 'The summary is written');
      return {};
    },
    async (trx) => {
      const before = await summaryRow(trx, input.caseId);
      const conclusion = concludes ? stored(input.childWelfareNeeded!) : (before?.child_welfare_needed ?? null);
      await saveSummaryRow(trx, {
        case_id: input.caseId,
        situation: input.situation,
        child_view: input.childView,
        support_need: input.supportNeed,
        services_agreed: input.servicesAgreed,
        child_welfare_needed: conclusion,
        concluded_by: concludes ? (conclusion === null ? null : actor.id) : (before?.concluded_by ?? null),
        updated_by: actor.id,
        updated_at: core.now().toISOString(),
      });
    },
  );
}

/** The summary as the case shows it, delivered when a SUMMARY letter was made after its last save. */
export function summaryRecordOf(
  s: Row<'assessment_summaries'> & { concluded_by_name: string | null; updated_by_name: string | null },
  letters: readonly { kind: string; createdAt: string }[],
): SummaryRecord {
  const deliveredAt = letters.filter((l) => l.kind === 'SUMMARY').at(-1)?.createdAt ?? null;
  return {
    situation: s.situation,
    childView: s.child_view,
    supportNeed: s.support_need,
    servicesAgreed: s.services_agreed,
    childWelfareNeeded: s.child_welfare_needed === null ? null : Number(s.child_welfare_needed) === 1,
    concludedBy: s.concluded_by_name,
    updatedBy: s.updated_by_name,
    updatedAt: s.updated_at,
    deliveredAt,
    changedSinceDelivery: !!deliveredAt && deliveredAt < s.updated_at,
  };
}
