/**
 * The family's cases together (issue 21 items 4 and 13): the other children's cases of the notification a
 * case came with. Each sibling shown is client data of its own case, so the read logs every one of them;
 * siblings outside the caller's scope are only said to exist, as at registration (703/2023 § 9).
 */
import type { QueueRow } from '../../../shared/contract/cases';
import type { Context } from '../../app/context';
import type { Db } from '../../store/schema';
import { clockContextOf, queueRowOf } from './cases';
import { requireCaseAccess } from './caseAccess';
import { siblingRows } from './queries';
import { casesViewerSees } from './scopeQueries';

export async function caseSiblings(core: Context, id: string): Promise<{ cases: QueueRow[]; outsideScope: boolean }> {
  const clockContext = await clockContextOf(core);
  return core.read(
    (r) => ({
      actor: core.actor(),
      action: 'cases.siblings',
      purpose: 'siblings in the same notification',
      caseId: id,
      caseIds: r.cases.map((c) => c.id),
      details: { siblings: r.cases.length, outsideScope: r.outsideScope },
    }),
    async (trx: Db) => {
      const viewer = await requireCaseAccess(core, trx, id);
      const rows = await siblingRows(trx, id);
      const seen = await casesViewerSees(
        viewer,
        trx,
        rows.map((r) => r.id),
      );
      return {
        cases: rows.filter((r) => seen.has(r.id)).map((r) => queueRowOf(r, clockContext)),
        outsideScope: rows.some((r) => !seen.has(r.id)),
      };
    },
  );
}
