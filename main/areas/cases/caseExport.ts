/**
 * A queue view as a CSV file for a team lead. Exporting is a disclosure of client data: every exported
 * case gets its own audit entry with the stated purpose, in one transaction, before the file leaves.
 */
import { randomUUID } from 'node:crypto';
import type { ExportQuery, ExportResult } from '../../../shared/contract/cases';
import { toCsv } from '../../../shared/csv';
import type { Context } from '../../app/context';
import { queryQueue, type ParsedQueueQuery } from './queries';
import { mainText } from '../../text';
import { clockContextOf, queueRowOf } from './cases';
import { caseViewer } from './caseAccess';
import { caseScopeFilter } from './scopeQueries';
import { assessmentFactRows, type AssessmentFactRow } from '../assessment/queries';
import { runsAssessment } from '../../../shared/caseTypes';

export const EXPORT_CAP = 20_000;

type Text = ReturnType<typeof mainText>;

/**
 * The assessment's columns (docs/formats.md v1.2): its outcome, meetings held, home visit, child met, summary
 * given and the hand-over meeting's day; empty for a case whose decision started no assessment.
 */
function assessmentCells(f: AssessmentFactRow | undefined, t: Text): (string | number | null)[] {
  if (!f || !runsAssessment(f.decision)) return ['', '', '', '', '', ''];
  const yesNo = (v: unknown) => t(Number(v) === 1 ? 'export.yes' : 'export.no');
  return [
    f.assessment_outcome ? t(`outcomes.${f.assessment_outcome}`) : '',
    Number(f.meetings_held),
    yesNo(f.home_visit),
    yesNo(f.child_met),
    yesNo(f.summary_delivered),
    f.handover_date ?? '',
  ];
}

export async function exportQueue(
  core: Context,
  input: Omit<ParsedQueueQuery, 'offset' | 'limit'> & Required<Pick<ExportQuery, 'purpose' | 'language'>>,
): Promise<ExportResult> {
  const { purpose, language, ...query } = input;
  const clock = await clockContextOf(core);
  const viewer = await caseViewer(core);
  const { page } = await queryQueue(
    core.db,
    { ...query, offset: 0, limit: EXPORT_CAP + 1 },
    { ...clock, userId: viewer.userId, scope: caseScopeFilter(viewer) },
  );
  const rows = page.slice(0, EXPORT_CAP).map((r) => queueRowOf(r, clock));
  const t = mainText(language);
  const facts = await assessmentFactRows(
    core.db,
    rows.map((r) => r.id),
  );
  const csv = toCsv([
    [
      t('export.caseId'),
      t('queue.col.type'),
      t('export.status'),
      t('queue.col.child'),
      t('export.birthDate'),
      t('queue.col.municipality'),
      t('queue.col.received'),
      t('detail.pending'),
      t('detail.startDue'),
      t('detail.completeDue'),
      t('queue.col.state'),
      t('queue.col.assignee'),
      t('export.outcome'),
      t('export.meetingsHeld'),
      t('export.homeVisit'),
      t('export.childMet'),
      t('export.summaryDelivered'),
      t('export.handoverDate'),
    ],
    ...rows.map((r) => [
      r.id,
      t(`caseTypes.${r.type}`),
      t(`statuses.${r.status}`),
      r.childName,
      r.childBirthDate,
      r.municipality,
      r.receivedAt,
      r.pendingFrom,
      r.startDue,
      r.completeDue,
      t(`clock.${r.clock.state}`),
      r.assignee,
      ...assessmentCells(facts.get(r.id), t),
    ]),
  ]);
  const exportId = randomUUID();
  const actor = core.actor();
  await core.unitOfWork(async ({ audit }) => {
    for (const r of rows)
      audit({ actor, action: 'cases.export', purpose, caseId: r.id, details: { exportId, view: query.view } });
  });
  return {
    fileName: `luukku-${query.view.toLowerCase()}-${clock.today}.csv`,
    csv,
    rows: rows.length,
    capped: page.length > EXPORT_CAP,
  };
}
