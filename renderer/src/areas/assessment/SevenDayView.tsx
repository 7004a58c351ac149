import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SevenDayList } from '../../../../shared/contract/cases';
import type { ErrorPayload } from '../../../../shared/errors';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ScrollTable } from '../../components/ScrollTable';
import { formatDate } from '../../format';
import { useApp } from '../../state/appStore';
import { api } from '../../api';
import { useQueue } from '../cases/queueStore';
import { ClockBadge, UrgentBadge } from '../cases/queue/ClockBadge';

/** One step: done or to do in words (never a colour or a tick alone); null when it is not due for this child. */
function Step({ done }: { done: boolean | null }) {
  const { t } = useTranslation();
  if (done === null) return <span className="muted">{t('sevenDays.notDue')}</span>;
  return <span className={done ? 'fact-ok' : 'fact-missing'}>{t(done ? 'sevenDays.done' : 'sevenDays.todo')}</span>;
}

/**
 * The assessment-week worker's 7-day list (issue 22 item 8): the undecided notifications assigned to them by
 * their deadline, with the steps before the decision, each row a step from its case.
 */
export function SevenDayView() {
  const { t, i18n } = useTranslation();
  const setView = useApp((s) => s.setView);
  const select = useQueue((s) => s.select);
  const [list, setList] = useState<SevenDayList | null>(null);
  const items = list?.items ?? null;
  const [error, setError] = useState<ErrorPayload | null>(null);
  useEffect(() => {
    void api.cases.sevenDayList().then((r) => (r.ok ? setList(r.value) : setError(r.error)));
  }, []);
  const open = (caseId: string) => {
    setView('queue');
    void select(caseId);
  };
  return (
    <section aria-labelledby="seven-days-title">
      <h2 id="seven-days-title">{t('sevenDays.title')}</h2>
      <p className="hint">{t('sevenDays.intro')}</p>
      {list?.duty && <p className="hint">{t(list.duty === 'ON' ? 'sevenDays.onDuty' : 'sevenDays.offDuty')}</p>}
      <ErrorBanner error={error} />
      {items === null && !error && <p aria-busy="true">{t('common.loading')}</p>}
      {items?.length === 0 && <EmptyState title={t('sevenDays.emptyTitle')}>{t('sevenDays.empty')}</EmptyState>}
      {!!items?.length && (
        <ScrollTable className="data-table">
          <caption className="sr-only">{t('sevenDays.tableLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sevenDays.col.due')}</th>
              <th scope="col">{t('sevenDays.col.child')}</th>
              <th scope="col">{t('sevenDays.col.urgency')}</th>
              <th scope="col">{t('sevenDays.col.contact')}</th>
              <th scope="col">{t('sevenDays.col.guardians')}</th>
              <th scope="col">{t('sevenDays.col.child12')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <td>
                  <ClockBadge clock={c.clock} /> {formatDate(c.startDue, i18n.language)}
                </td>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => open(c.id)}
                    aria-label={t('meetings.openCase', { child: c.childName ?? t('queue.unborn') })}
                  >
                    {c.childName ?? t('queue.unborn')}
                  </button>{' '}
                  <UrgentBadge urgent={c.urgent} />
                </th>
                <td>
                  <Step done={c.steps.urgency} />
                </td>
                <td>
                  <Step done={c.steps.contact} />
                </td>
                <td>
                  <Step done={c.steps.guardiansInformed} />
                </td>
                <td>
                  <Step done={c.steps.childInformed} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}
