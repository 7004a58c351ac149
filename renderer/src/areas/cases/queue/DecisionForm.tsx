import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/contract/cases';
import {
  CONCERNS,
  DECISIONS,
  isChildWelfareType,
  runsAssessment,
  type Concern,
  type Decision,
} from '../../../../../shared/caseTypes';
import { helsinkiDate } from '../../../../../shared/dates';
import { Field } from '../../../components/Field';
import { SelectField } from '../../../components/SelectField';
import { useQueue } from '../queueStore';
import { ServicePicker } from './ServicePicker';
import { useReference } from '../../../state/referenceStore';
import { api } from '../../../api';
import { nameIn } from '../../../../../shared/names';

type Assignable = { id: string; name: string; role: string; areaId: string | null; teamId: string | null };

/**
 * The decision with its reason and where the case goes: a regional team (and maybe a worker) for an
 * assessment, the designated worker for a transfer, the services from the county's directory for guidance.
 */
export function DecisionForm({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const act = useQueue((s) => s.act);
  const reasonId = useId();
  const [decision, setDecision] = useState<Decision | ''>('');
  const [reason, setReason] = useState('');
  const [teamId, setTeamId] = useState('');
  const [assignee, setAssignee] = useState('');
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const today = helsinkiDate(new Date());
  const [decisionDate, setDecisionDate] = useState(today);
  const [concern, setConcern] = useState<Concern | ''>('');
  const needsConcern = !isChildWelfareType(detail.type);
  const reference = useReference();
  const { assignable } = reference;
  // A started assessment goes to a regional team: one with an area.
  const teams = useMemo(() => reference.teams.filter((team) => team.areaId), [reference.teams]);

  useEffect(() => {
    setDecision('');
    setReason('');
    setAssignee('');
    setServiceIds([]);
    setDecisionDate(helsinkiDate(new Date()));
    setConcern('');
  }, [detail.id]);
  useEffect(() => {
    if (runsAssessment(decision || null)) {
      setTeamId(teams.find((team) => team.areaId === detail.areaId)?.id ?? '');
      setAssignee('');
    }
    if (decision === 'TRANSFER_EXISTING') setAssignee(detail.linkedAssigneeUserId ?? '');
  }, [decision, teams, detail.areaId, detail.linkedAssigneeUserId]);

  const workerLabel = (u: Assignable) => `${u.name} · ${t(`roles.${u.role}`)}`;
  const ready =
    !!decision &&
    !!reason.trim() &&
    !!decisionDate &&
    (!needsConcern || !!concern) &&
    (!runsAssessment(decision) || !!teamId) &&
    (decision !== 'TRANSFER_EXISTING' || !!assignee) &&
    (decision !== 'GUIDANCE' || serviceIds.length > 0);

  const decide = async (e: FormEvent) => {
    e.preventDefault();
    if (!decision) return;
    await act(() =>
      api.cases.recordDecision({
        id: detail.id,
        decision,
        reason,
        decisionDate,
        ...(concern ? { concern } : {}),
        ...(runsAssessment(decision) ? { teamId } : {}),
        ...(assignee && (runsAssessment(decision) || decision === 'TRANSFER_EXISTING')
          ? { assigneeUserId: assignee }
          : {}),
        ...(decision === 'GUIDANCE' ? { serviceIds } : {}),
      }),
    );
  };

  return (
    <form onSubmit={decide}>
      {detail.urgent && decision !== 'URGENT' && (
        <p className="banner banner-warning">
          {t('detail.urgentOffer')}{' '}
          <button type="button" onClick={() => setDecision('URGENT')}>
            {t('detail.chooseUrgent')}
          </button>
        </p>
      )}
      <SelectField
        label={t('detail.decisionField')}
        value={decision}
        onChange={setDecision}
        empty={{ label: '–', selectable: false }}
        options={DECISIONS.map((d) => [d, t(`decisions.${d}`)] as const)}
        required
      />
      <Field
        label={t('record.decisionDate')}
        type="date"
        max={today}
        min={helsinkiDate(new Date(detail.receivedAt))}
        value={decisionDate}
        onChange={(e) => setDecisionDate(e.target.value)}
        hint={t('record.realTimeHint')}
        required
      />
      {needsConcern && (
        <SelectField
          label={t('record.concern')}
          value={concern}
          onChange={setConcern}
          empty={{ label: '–', selectable: false }}
          options={CONCERNS.map((c) => [c, t(`record.concerns.${c}`)] as const)}
          required
        />
      )}
      {needsConcern && <p className="hint">{t('record.concernHint')}</p>}
      {decision === 'URGENT' && <p className="hint">{t('detail.urgentKeepsAssessment')}</p>}
      {runsAssessment(decision || null) && (
        <>
          <SelectField
            label={t('detail.team')}
            value={teamId}
            onChange={(id) => {
              setTeamId(id);
              setAssignee('');
            }}
            empty={{ label: t('detail.chooseTeam'), selectable: false }}
            options={teams.map((team) => [team.id, nameIn(team.name, i18n.language)] as const)}
            required
          />
          <SelectField
            label={t('detail.assessor')}
            value={assignee}
            onChange={setAssignee}
            empty={{ label: t('detail.assessorLater'), selectable: true }}
            options={assignable.filter((u) => u.teamId === teamId).map((u) => [u.id, workerLabel(u)] as const)}
          />
        </>
      )}
      {decision === 'TRANSFER_EXISTING' && (
        <SelectField
          label={t('detail.designatedWorker')}
          value={assignee}
          onChange={setAssignee}
          empty={{ label: t('detail.chooseWorker'), selectable: false }}
          options={assignable.map((u) => [u.id, workerLabel(u)] as const)}
          required
        />
      )}
      {decision === 'GUIDANCE' && <ServicePicker selected={serviceIds} onChange={setServiceIds} />}
      <div className="field">
        <label htmlFor={reasonId}>{t('detail.reason')}</label>
        <textarea id={reasonId} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} required />
      </div>
      <button type="submit" className="primary" disabled={!ready}>
        {t('detail.saveDecision')}
      </button>
    </form>
  );
}
