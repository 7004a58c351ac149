import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/contract/cases';
import type { OutputOf } from '../../../../../shared/contract';
import { SOCIAL_WORKER_ROLES } from '../../../../../shared/roles';
import { SelectField } from '../../../components/SelectField';
import { useApp } from '../../../state/appStore';
import { api } from '../../../api';
import { useQueue } from '../queueStore';

type Candidate = OutputOf<'assessment.pairCandidates'>[number];

/**
 * The counsellors and social workers who may work on a case (its own team first), loaded while `enabled`:
 * the pair's choices here, the hand-over's receiving workers in HandoverPanel. Null until they are in.
 */
export function usePairCandidates(caseId: string, enabled: boolean): Candidate[] | null {
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void api.assessment.pairCandidates({ caseId }).then((r) => {
      if (live && r.ok) setCandidates(r.value);
    });
    return () => {
      live = false;
    };
  }, [enabled, caseId]);
  return candidates;
}

/**
 * The assessment's work pair (issue 22 item 1): a social worker names or changes it from the counsellors and
 * social workers, the case's own team first; everyone else reads who it is.
 */
export function PairField({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const role = useApp((s) => s.status?.user?.role);
  const act = useQueue((s) => s.act);
  const names = !!role && SOCIAL_WORKER_ROLES.includes(role);
  const candidates = usePairCandidates(detail.id, names);
  const [chosen, setChosen] = useState(detail.pairUserId ?? '');
  useEffect(() => setChosen(detail.pairUserId ?? ''), [detail.pairUserId, detail.id]);

  if (!names)
    return (
      <p>
        <strong>{t('meetings.pair')}:</strong> {detail.pair ?? t('meetings.noPair')}
      </p>
    );
  const label = (c: Candidate) =>
    `${c.name} · ${t(`roles.${c.role}`)}${c.sameTeam ? ` (${t('meetings.sameTeam')})` : ''}`;
  return (
    <form
      className="meeting-form-row pair-form"
      onSubmit={(e) => {
        e.preventDefault();
        void act(() => api.assessment.setPair({ caseId: detail.id, pairUserId: chosen || null }));
      }}
    >
      <SelectField
        label={t('meetings.pair')}
        value={chosen}
        onChange={setChosen}
        empty={{ label: t('meetings.noPair'), selectable: true }}
        options={(candidates ?? []).map((c) => [c.id, label(c)] as const)}
      />
      <button type="submit" disabled={chosen === (detail.pairUserId ?? '')}>
        {t('meetings.setPair')}
      </button>
    </form>
  );
}
