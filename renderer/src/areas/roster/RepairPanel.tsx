import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import type { RepairProposal } from '../../../../shared/contract/roster';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate } from '../../format';
import { problemText } from './problemText';
import { UncoveredList } from './UncoveredList';
import { api } from '../../api';
import { ScrollTable } from '../../components/ScrollTable';

/**
 * The duties an absence falls on, handed to others with the fewest changes the hard rules allow: the
 * proposal is shown change by change; a team lead accepts it (with a reason, for a published month).
 */
export function RepairPanel({
  absenceId,
  held,
  canAccept,
  onDone,
}: {
  absenceId: number;
  held: number;
  canAccept: boolean;
  onDone: (message: string) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const reasonId = useId();
  const [proposal, setProposal] = useState<RepairProposal | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [refused, setRefused] = useState('');
  const [busy, setBusy] = useState(true);

  useEffect(() => {
    setBusy(true);
    setProposal(null);
    void api.roster.repairProposal({ absenceId }).then((r) => {
      setBusy(false);
      if (r.ok) setProposal(r.value);
      else setError(r.error);
    });
  }, [absenceId]);

  const accept = async () => {
    if (!proposal) return;
    setError(null);
    const changes = proposal.changes.map(({ date, week, duty, fromStaffId, toStaffId }) => ({
      date,
      week,
      duty,
      fromStaffId,
      toStaffId,
    }));
    const result = await api.roster.applyRepair({ absenceId, changes, reason });
    if (!result.ok) return setError(result.error);
    if (!result.value.allowed)
      return setRefused(
        t('roster.refused', { reasons: result.value.problems.map((p) => problemText(t, language, p)).join('; ') }),
      );
    await onDone(t('roster.repaired', { count: changes.length }));
  };

  const when = (c: { date: string | null; week: string | null }) =>
    c.date ? formatDate(c.date, language) : t('roster.weekShort', { week: Number(c.week!.slice(-2)) });
  return (
    <section className="panel repair" aria-labelledby="repair-heading">
      <h2 id="repair-heading">{t('roster.repairTitle')}</h2>
      {held > 0 && <p>{t('roster.heldDuties', { count: held })}</p>}
      {busy && <p aria-busy="true">{t('roster.proposing')}</p>}
      {proposal && proposal.changes.length === 0 && <p>{t('roster.nothingToRepair')}</p>}
      {proposal && proposal.changes.length > 0 && (
        <>
          <ScrollTable>
            <caption>{t('roster.proposalCaption', { count: proposal.changes.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('roster.day')}</th>
                <th scope="col">{t('roster.duty')}</th>
                <th scope="col">{t('roster.fromPerson')}</th>
                <th scope="col">{t('roster.toPerson')}</th>
                <th scope="col">{t('roster.repairReasonCol')}</th>
              </tr>
            </thead>
            <tbody>
              {proposal.changes.map((c, i) => (
                <tr key={i}>
                  <td>{when(c)}</td>
                  <td>{t(`duties.${c.duty}`)}</td>
                  <td>{c.fromName ?? '–'}</td>
                  <td>{c.toName ?? t('roster.nobody')}</td>
                  <td>
                    {t(`roster.repairWhy.${c.reason.kind}`, {
                      name: c.fromName ?? '',
                      when: c.reason.kind === 'FREE' ? when(c.reason) : '',
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          <UncoveredList slots={proposal.uncovered} />
          {canAccept ? (
            <>
              <div className="field">
                <label htmlFor={reasonId}>{t('roster.reason')}</label>
                <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} />
              </div>
              <div className="button-row">
                <button type="button" onClick={() => void accept()}>
                  {t('roster.acceptRepair')}
                </button>
                <button type="button" onClick={() => void onDone('')}>
                  {t('roster.dismiss')}
                </button>
              </div>
            </>
          ) : (
            <p className="muted">{t('roster.leadAccepts')}</p>
          )}
        </>
      )}
      {refused && (
        <p role="alert" className="banner banner-error">
          {refused}
        </p>
      )}
      <ErrorBanner error={error} />
    </section>
  );
}
