/**
 * The assessment-week worker's "7-day list" (issue 22 item 8): the undecided notifications assigned to them,
 * by their deadline, each with the steps the law and THL's handbook require before the decision (LsL 26 §,
 * SHL 36 §): the urgency assessed at once, a contact with the family, the guardians informed, a child of 12 or
 * more informed in their own words, and then the decision within 7 working days. Read and logged as one unit.
 */
import { childOldEnough } from '../../../shared/contract/letters';
import type { SevenDayList } from '../../../shared/contract/cases';
import { CASE_SCOPE } from '../../../shared/roles';
import type { Context } from '../../app/context';
import { caseViewer } from './caseAccess';
import { clockContextOf, queueRowOf } from './cases';
import { sevenDayRows } from './queries';

export async function sevenDayList(core: Context): Promise<SevenDayList> {
  const viewer = await caseViewer(core);
  const clock = await clockContextOf(core);
  const rows = await core.read<Awaited<ReturnType<typeof sevenDayRows>>>(
    (r) => ({
      actor: core.actor(),
      action: 'cases.sevenDayList',
      purpose: 'seven-day list',
      caseIds: r.map((c) => c.id),
    }),
    (trx) => sevenDayRows(trx, viewer.userId),
  );
  const items = rows.map((r) => ({
    ...queueRowOf(r, clock),
    steps: {
      urgency: r.urgency_result !== null,
      contact: !!Number(r.contacted),
      guardiansInformed: !!Number(r.guardian_informed),
      childInformed: childOldEnough(r.child_birth_date, clock.today) ? !!Number(r.child_informed) : null,
    },
  }));
  // Off duty is said to the assessment-week role, whose scope it narrows; a regional social worker hears only
  // of a rotation week that widens theirs, and a lead sees every case anyway.
  const duty = viewer.onDuty ? 'ON' : CASE_SCOPE[viewer.role] === 'DUTY' ? 'OFF' : null;
  return { duty, items };
}
