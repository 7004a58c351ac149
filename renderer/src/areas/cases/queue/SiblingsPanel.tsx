import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, QueueRow } from '../../../../../shared/contract/cases';
import { api } from '../../../api';
import { useQueue } from '../queueStore';
import { ClockBadge, UrgentBadge } from './ClockBadge';

/**
 * The other children of the same notification, each with its state and clock, one click or Enter away:
 * siblings' cases are worked together. Read (and logged) only when the case has siblings.
 */
export function SiblingsPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const select = useQueue((s) => s.select);
  const [siblings, setSiblings] = useState<{ cases: QueueRow[]; outsideScope: boolean } | null>(null);
  useEffect(() => {
    setSiblings(null);
    if (detail.siblingCount === 0) return;
    let current = true;
    void api.cases.siblings({ id: detail.id }).then((r) => {
      if (current && r.ok) setSiblings(r.value);
    });
    return () => {
      current = false;
    };
  }, [detail.id, detail.siblingCount]);
  if (!siblings) return null;
  return (
    <section aria-labelledby="siblings-heading">
      <h3 id="siblings-heading">{t('detail.siblings')}</h3>
      {siblings.cases.length > 0 && (
        <ul className="siblings">
          {siblings.cases.map((c) => (
            <li key={c.id}>
              <button type="button" className="link-button" onClick={() => void select(c.id)}>
                {c.childName ?? t('queue.unborn')}
              </button>{' '}
              <span className="muted">
                {t(`caseTypesShort.${c.type}`)} · {t(`statuses.${c.status}`)}
              </span>{' '}
              <UrgentBadge urgent={c.urgent} />
              <ClockBadge clock={c.clock} />
            </li>
          ))}
        </ul>
      )}
      {siblings.outsideScope && <p className="muted">{t('detail.siblingsOutside')}</p>}
    </section>
  );
}
