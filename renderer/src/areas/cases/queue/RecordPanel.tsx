import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/contract/cases';
import {
  CLOSURE_REASONS,
  CONCERNS,
  isChildWelfareType,
  OVERRUN_REASONS,
  type ClosureReason,
  type Concern,
  type OverrunReason,
} from '../../../../../shared/caseTypes';
import { deadlineMissed } from '../../../../../shared/clock';
import { daysBetween, helsinkiDate } from '../../../../../shared/dates';
import { ConfirmBar } from '../../../components/ConfirmBar';
import { Field, TextAreaField } from '../../../components/Field';
import { SelectField } from '../../../components/SelectField';
import { formatDateTime, helsinkiNowForInput } from '../../../format';
import { useQueue } from '../queueStore';
import { api } from '../../../api';

/** "Entered 23.11. (4 days later)" when a fact was typed in after the day it happened. */
export function EnteredLater({ happened, entered }: { happened: string | null; entered: string | null }) {
  const { t, i18n } = useTranslation();
  if (!happened || !entered) return null;
  const day = happened.length === 10 ? happened : helsinkiDate(new Date(happened));
  const days = daysBetween(day, helsinkiDate(new Date(entered)));
  if (days < 1) return null;
  return (
    <span className="reason"> {t('record.enteredLater', { when: formatDateTime(entered, i18n.language), days })}</span>
  );
}

/** A labelled free-text box (the reason of a correction, an overrun's details, a closure's explanation). */
function TextBox({
  label,
  value,
  onChange,
  required,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  required?: boolean;
}) {
  return (
    <TextAreaField
      label={label}
      rows={2}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required={required}
    />
  );
}

/** A section opened by its summary: corrections and closures are not everyday steps. */
function Expander({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="record-expander">
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

/**
 * The statutory record after the fact (issue 18): corrections of the urgency and the decision with their
 * reason, why a deadline was missed, and closing a case that is not one. A social worker's or a lead's.
 */
export function RecordPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const act = useQueue((s) => s.act);
  const today = helsinkiDate(new Date());
  const [urgency, setUrgency] = useState({ urgent: 'false', assessedAt: '', reason: '' });
  const [decision, setDecision] = useState({ decisionDate: '', concern: '' as Concern | '', reason: '' });
  const [overrun, setOverrun] = useState({
    deadline: 'START' as 'START' | 'COMPLETE',
    reason: '' as OverrunReason | '',
    note: '',
  });
  const [closure, setClosure] = useState({ reason: '' as ClosureReason | '', note: '' });
  const [confirmClose, setConfirmClose] = useState(false);

  useEffect(() => {
    setUrgency({
      urgent: detail.urgencyResult === 'URGENT' ? 'true' : 'false',
      assessedAt: detail.urgencyAssessedAt ? helsinkiNowForInput(new Date(detail.urgencyAssessedAt)) : '',
      reason: '',
    });
    setDecision({ decisionDate: detail.decisionDate ?? '', concern: detail.concern ?? '', reason: '' });
    setOverrun((o) => ({ ...o, reason: '', note: '' }));
    setClosure({ reason: '', note: '' });
    setConfirmClose(false);
  }, [detail.id, detail.urgencyAssessedAt, detail.urgencyResult, detail.decisionDate, detail.concern]);

  const lateDeadlines = (['START', 'COMPLETE'] as const).filter((d) => deadlineMissed(detail, d, today));
  const deadline = lateDeadlines.includes(overrun.deadline) ? overrun.deadline : lateDeadlines[0];
  const open = !detail.decision && !detail.closedReason && detail.status !== 'AWAITING_BIRTH';

  const submit = (call: () => ReturnType<typeof api.cases.get>) => async (e: FormEvent) => {
    e.preventDefault();
    await act(call);
  };

  return (
    <section className="triage" aria-labelledby="record-heading">
      <h3 id="record-heading">{t('record.title')}</h3>
      {(lateDeadlines.length > 0 || detail.startOverrun || detail.completeOverrun) && <h4>{t('record.overrun')}</h4>}
      {[
        detail.startOverrun && (['START', detail.startOverrun] as const),
        detail.completeOverrun && (['COMPLETE', detail.completeOverrun] as const),
      ]
        .filter((x) => !!x)
        .map(([d, o]) => (
          <p key={d}>
            {t('record.overrunShown', {
              deadline: t(`record.overrunDeadlines.${d}`),
              reason: t(`record.overrunReasons.${o.reason}`),
            })}
            {o.note && <span className="reason"> {o.note}</span>}
          </p>
        ))}
      {deadline && !detail.closedReason ? (
        <form
          onSubmit={submit(() =>
            api.cases.overrunReason({
              id: detail.id,
              deadline,
              reason: overrun.reason as OverrunReason,
              note: overrun.note,
            }),
          )}
        >
          {lateDeadlines.length > 1 && (
            <SelectField
              label={t('record.overrunDeadline')}
              value={deadline}
              onChange={(v) => setOverrun({ ...overrun, deadline: v })}
              options={lateDeadlines.map((d) => [d, t(`record.overrunDeadlines.${d}`)] as const)}
            />
          )}
          <SelectField
            label={`${t('record.overrunReason')} (${t(`record.overrunDeadlines.${deadline}`)})`}
            value={overrun.reason}
            onChange={(v) => setOverrun({ ...overrun, reason: v })}
            empty={{ label: '–', selectable: false }}
            options={OVERRUN_REASONS.map((r) => [r, t(`record.overrunReasons.${r}`)] as const)}
            required
          />
          <TextBox
            label={t('record.overrunNote')}
            value={overrun.note}
            onChange={(note) => setOverrun({ ...overrun, note })}
            required={overrun.reason === 'OTHER'}
          />
          <button type="submit" disabled={!overrun.reason}>
            {t('record.saveOverrun')}
          </button>
        </form>
      ) : null}

      {detail.urgencyAssessedAt && (
        <Expander summary={t('record.correctUrgency')}>
          <form
            onSubmit={submit(() =>
              api.cases.correctUrgency({
                id: detail.id,
                urgent: urgency.urgent === 'true',
                assessedAt: urgency.assessedAt,
                reason: urgency.reason,
              }),
            )}
          >
            <SelectField
              label={t('detail.urgency')}
              value={urgency.urgent}
              onChange={(urgent) => setUrgency({ ...urgency, urgent })}
              options={[
                ['false', t('detail.notUrgent')],
                ['true', t('detail.urgent')],
              ]}
            />
            <Field
              label={t('record.assessedAt')}
              type="datetime-local"
              value={urgency.assessedAt}
              onChange={(e) => setUrgency({ ...urgency, assessedAt: e.target.value })}
              required
            />
            <TextBox
              label={t('record.correctionReason')}
              value={urgency.reason}
              onChange={(reason) => setUrgency({ ...urgency, reason })}
              required
            />
            <p className="hint">{t('record.correctionHint')}</p>
            <button type="submit" disabled={urgency.reason.trim().length < 3}>
              {t('record.saveCorrection')}
            </button>
          </form>
        </Expander>
      )}

      {detail.decision && (
        <Expander summary={t('record.correctDecision')}>
          <form
            onSubmit={submit(() =>
              api.cases.correctDecision({
                id: detail.id,
                ...(decision.decisionDate !== detail.decisionDate ? { decisionDate: decision.decisionDate } : {}),
                ...(decision.concern && decision.concern !== detail.concern ? { concern: decision.concern } : {}),
                reason: decision.reason,
              }),
            )}
          >
            <Field
              label={t('record.decisionDate')}
              type="date"
              max={today}
              value={decision.decisionDate}
              onChange={(e) => setDecision({ ...decision, decisionDate: e.target.value })}
              required
            />
            {!isChildWelfareType(detail.type) && (
              <SelectField
                label={t('record.concern')}
                value={decision.concern}
                onChange={(concern) => setDecision({ ...decision, concern })}
                options={CONCERNS.map((c) => [c, t(`record.concerns.${c}`)] as const)}
              />
            )}
            <TextBox
              label={t('record.correctionReason')}
              value={decision.reason}
              onChange={(reason) => setDecision({ ...decision, reason })}
              required
            />
            <p className="hint">{t('record.correctionHint')}</p>
            <button
              type="submit"
              disabled={
                decision.reason.trim().length < 3 ||
                (decision.decisionDate === detail.decisionDate && (decision.concern || null) === detail.concern)
              }
            >
              {t('record.saveCorrection')}
            </button>
          </form>
        </Expander>
      )}

      {open && (
        <Expander summary={t('record.closeAsNotCase')}>
          <p className="hint">{t('record.closeHint')}</p>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setConfirmClose(true);
            }}
          >
            <SelectField
              label={t('record.closureReason')}
              value={closure.reason}
              onChange={(reason) => setClosure({ ...closure, reason })}
              empty={{ label: '–', selectable: false }}
              options={CLOSURE_REASONS.map((r) => [r, t(`record.closureReasons.${r}`)] as const)}
              required
            />
            <TextBox
              label={t('record.closureNote')}
              value={closure.note}
              onChange={(note) => setClosure({ ...closure, note })}
              required
            />
            <button type="submit" className="danger" disabled={!closure.reason || closure.note.trim().length < 3}>
              {t('record.closeAsNotCase')}
            </button>
          </form>
          {confirmClose && (
            <ConfirmBar
              question={t('record.confirmClose')}
              confirmLabel={t('record.confirmClose')}
              onCancel={() => setConfirmClose(false)}
              onConfirm={() =>
                void act(() =>
                  api.cases.closeAsNotCase({
                    id: detail.id,
                    reason: closure.reason as ClosureReason,
                    note: closure.note,
                  }),
                )
              }
            />
          )}
        </Expander>
      )}
    </section>
  );
}
