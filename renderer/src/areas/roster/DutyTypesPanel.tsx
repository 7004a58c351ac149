import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import type { RosterConfig } from '../../../../shared/contract/roster';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { formatDate } from '../../format';
import { useRoster } from './useRoster';
import { helsinkiDate } from '../../../../shared/dates';
import { api } from '../../api';

/** The county's duty types and rules (team leads edit, others read), and its closure days. */
export function DutyTypesPanel({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [config, setConfig] = useState<RosterConfig | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saved, setSaved] = useState('');
  const today = helsinkiDate(new Date());
  const { directory, reload } = useRoster(today, today);
  const [closure, setClosure] = useState({ date: today, reason: '' });
  useEffect(() => {
    void api.roster.config().then((r) => (r.ok ? setConfig(r.value) : setError(r.error)));
  }, []);
  if (!config) return <ErrorBanner error={error} />;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const result = await api.roster.saveConfig(config);
    if (!result.ok) return setError(result.error);
    setConfig(result.value);
    setSaved(t('common.saved'));
  };
  const saveClosure = async (date: string, reason: string, closed: boolean) => {
    const result = await api.org.closureDay({ date, reason, closed });
    if (!result.ok) return setError(result.error);
    setClosure({ date: today, reason: '' });
    await reload();
  };
  const setDuty = (i: number, patch: Partial<RosterConfig['dutyTypes'][number]>) =>
    setConfig({ ...config, dutyTypes: config.dutyTypes.map((d, k) => (k === i ? { ...d, ...patch } : d)) });

  return (
    <>
      <form className="panel settings-form" onSubmit={save} aria-label={t('roster.dutyTypesTitle')}>
        <h2>{t('roster.dutyTypesTitle')}</h2>
        {!canEdit && <p className="muted">{t('settings.readOnly')}</p>}
        <fieldset disabled={!canEdit}>
          {config.dutyTypes.map((d, i) => (
            <fieldset key={d.id} className="duty-type">
              <legend>{t(`duties.${d.id}`)}</legend>
              <Field
                label={t('roster.perDay')}
                type="number"
                min={0}
                max={20}
                value={d.perDay}
                onChange={(e) => setDuty(i, { perDay: Number(e.target.value) })}
              />
              <Field
                label={t('roster.starts')}
                type="time"
                value={d.start}
                onChange={(e) => setDuty(i, { start: e.target.value })}
              />
              <Field
                label={t('roster.ends')}
                type="time"
                value={d.end}
                onChange={(e) => setDuty(i, { end: e.target.value })}
              />
              <SelectField
                label={t('roster.requires')}
                value={d.requires}
                onChange={(requires) => setDuty(i, { requires })}
                options={[
                  ['ANY', t('roster.requiresAny')],
                  ['SOCIAL_WORKER', t('roster.requiresSocialWorker')],
                ]}
              />
            </fieldset>
          ))}
          {(['assessmentWeek', 'swedishOnReceptionDaily', 'noConsecutiveAssessmentWeeks'] as const).map((rule) => (
            <label key={rule} className="checkbox">
              <input
                type="checkbox"
                checked={config[rule]}
                onChange={(e) => setConfig({ ...config, [rule]: e.target.checked })}
              />{' '}
              {t(`roster.rulesConfig.${rule}`)}
            </label>
          ))}
          {canEdit && <button type="submit">{t('common.save')}</button>}
        </fieldset>
        <p role="status" className="saved">
          {saved}
        </p>
        <ErrorBanner error={error} />
      </form>
      <section className="panel" aria-labelledby="closures-heading">
        <h2 id="closures-heading">{t('roster.closuresTitle')}</h2>
        <p className="muted">{t('roster.closuresHelp')}</p>
        {canEdit && (
          <form
            className="inline-form"
            aria-label={t('roster.addClosure')}
            onSubmit={(e) => {
              e.preventDefault();
              void saveClosure(closure.date, closure.reason, true);
            }}
          >
            <Field
              label={t('roster.day')}
              type="date"
              value={closure.date}
              onChange={(e) => setClosure({ ...closure, date: e.target.value })}
              required
            />
            <Field
              label={t('roster.closureReason')}
              value={closure.reason}
              onChange={(e) => setClosure({ ...closure, reason: e.target.value })}
              required
            />
            <button type="submit">{t('roster.addClosure')}</button>
          </form>
        )}
        <ul>
          {directory?.closureDays.map((c) => (
            <li key={c.date}>
              {formatDate(c.date, i18n.language)}: {c.reason}{' '}
              {canEdit && (
                <button type="button" className="link-button" onClick={() => void saveClosure(c.date, c.reason, false)}>
                  {t('roster.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
