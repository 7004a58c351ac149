import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/contract/cases';
import { ASSESSMENT_ROLES, SOCIAL_WORKER_ROLES } from '../../../../../shared/roles';
import { TextAreaField } from '../../../components/Field';
import { SelectField } from '../../../components/SelectField';
import { formatDateTime } from '../../../format';
import { useApp } from '../../../state/appStore';
import { api } from '../../../api';
import { useQueue } from '../queueStore';

type Conclusion = '' | 'YES' | 'NO';
const conclusionOf = (needed: boolean | null | undefined): Conclusion => (needed == null ? '' : needed ? 'YES' : 'NO');
const CONCLUSION_TEXT = { '': 'summary.conclusionOpen', YES: 'summary.conclusionYes', NO: 'summary.conclusionNo' };

/**
 * The assessment's summary (yhteenveto, issue 22 item 4): the pair and the social worker write it while the
 * assessment runs; only a social worker records the conclusion on child welfare (the main process refuses
 * anyone else's). It says whether the family has it in its latest form; the letter is made in LettersPanel.
 */
export function SummaryPanel({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const role = useApp((s) => s.status?.user?.role);
  const act = useQueue((s) => s.act);
  const record = detail.summaryRecord;
  const blank = () => ({
    situation: record?.situation ?? '',
    childView: record?.childView ?? '',
    supportNeed: record?.supportNeed ?? '',
    servicesAgreed: record?.servicesAgreed ?? '',
    conclusion: conclusionOf(record?.childWelfareNeeded),
  });
  const [draft, setDraft] = useState(blank);
  // Only when another case is shown or the summary was saved: a refresh must not undo what is being typed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setDraft(blank()), [detail.id, record?.updatedAt]);
  if (!role || !ASSESSMENT_ROLES.includes(role)) return null;
  const writing = detail.status === 'ASSESSMENT';
  if (!writing && !record) return null;
  const concludes = SOCIAL_WORKER_ROLES.includes(role);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const { conclusion, ...text } = draft;
    await act(() =>
      api.assessment.saveSummary({
        caseId: detail.id,
        ...text,
        ...(concludes ? { childWelfareNeeded: conclusion === '' ? null : conclusion === 'YES' } : {}),
      }),
    );
  };
  const status = record && (
    <ul className="meeting-facts" aria-label={t('summary.heading')}>
      <li>
        {t('summary.saved', { when: formatDateTime(record.updatedAt, i18n.language), by: record.updatedBy ?? '–' })}
      </li>
      {record.concludedBy && (
        <li>
          {t('summary.concluded', {
            conclusion: t(CONCLUSION_TEXT[conclusionOf(record.childWelfareNeeded)]),
            by: record.concludedBy,
          })}
        </li>
      )}
      <li className={record.deliveredAt && !record.changedSinceDelivery ? 'fact-ok' : 'fact-missing'}>
        {record.deliveredAt
          ? record.changedSinceDelivery
            ? t('summary.changedSinceDelivery')
            : t('summary.delivered', { when: formatDateTime(record.deliveredAt, i18n.language) })
          : t('summary.notDelivered')}
      </li>
    </ul>
  );
  const field = (key: 'situation' | 'childView' | 'supportNeed' | 'servicesAgreed', rows = 3) => (
    <TextAreaField
      label={t(`summary.${key}`)}
      rows={rows}
      value={draft[key]}
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      required={key === 'situation'}
      readOnly={!writing}
    />
  );
  return (
    <section className="triage summary-record" aria-labelledby="summary-heading">
      <h3 id="summary-heading">{t('summary.heading')}</h3>
      {status}
      <form onSubmit={save}>
        {field('situation', 4)}
        {field('childView')}
        {field('supportNeed', 2)}
        {field('servicesAgreed', 2)}
        {concludes && writing ? (
          <SelectField<'YES' | 'NO'>
            label={t('summary.conclusion')}
            value={draft.conclusion}
            onChange={(conclusion) => setDraft({ ...draft, conclusion })}
            empty={{ label: t(CONCLUSION_TEXT['']), selectable: true }}
            options={(['YES', 'NO'] as const).map((c) => [c, t(CONCLUSION_TEXT[c])] as const)}
          />
        ) : (
          writing && <p className="hint">{t('summary.conclusionBySocialWorker')}</p>
        )}
        {writing && (
          <button type="submit" className="primary" disabled={!draft.situation.trim()}>
            {t('summary.save')}
          </button>
        )}
      </form>
    </section>
  );
}
