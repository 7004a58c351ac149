import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MANAGERS } from '../../../../shared/roles';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { useApp } from '../../state/appStore';
import { useReference } from '../../state/referenceStore';
import { ASSESSMENT_MODELS } from '../../../../shared/contract/settings';
import { BackupsPanel } from '../backups/BackupsPanel';
import { LetterTemplates } from '../cases/LetterTemplates';
import { ServiceDirectory } from '../org/ServiceDirectory';

export function SettingsView() {
  const { t } = useTranslation();
  const { settings, status, busy, error, saveSettings } = useApp();
  const [draft, setDraft] = useState(settings);
  const [saved, setSaved] = useState(false);
  const { assignable } = useReference();
  useEffect(() => setDraft(settings), [settings]);
  if (!draft || !status) return <p aria-busy="true">{t('common.loading')}</p>;
  const canEdit = !!status.user && MANAGERS.includes(status.user.role);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(await saveSettings(draft));
  };
  const number = (value: string) => (value === '' ? 0 : Number(value));

  return (
    <>
      <form className="settings-form" onSubmit={submit} aria-busy={busy} aria-label={t('settings.title')}>
        {!canEdit && <p className="banner banner-info">{t('settings.readOnly')}</p>}
        <Field
          label={t('settings.county')}
          value={draft.countyName}
          disabled={!canEdit}
          onChange={(e) => setDraft({ ...draft, countyName: e.target.value })}
        />
        <Field
          label={t('settings.idleLock')}
          type="number"
          min={1}
          max={240}
          value={draft.idleLockMinutes}
          disabled={!canEdit}
          onChange={(e) => setDraft({ ...draft, idleLockMinutes: number(e.target.value) })}
        />
        <Field
          label={t('settings.dueSoon')}
          type="number"
          min={0}
          max={7}
          value={draft.dueSoonWorkingDays}
          disabled={!canEdit}
          onChange={(e) => setDraft({ ...draft, dueSoonWorkingDays: number(e.target.value) })}
        />
        <Field
          label={t('settings.backupKeep')}
          type="number"
          min={1}
          max={90}
          value={draft.backupKeep}
          disabled={!canEdit}
          onChange={(e) => setDraft({ ...draft, backupKeep: number(e.target.value) })}
        />
        <fieldset className="checkbox-group">
          <legend>{t('settings.assessmentModel.legend')}</legend>
          <p className="hint">{t('settings.assessmentModel.help')}</p>
          <SelectField
            label={t('settings.assessmentModel.model')}
            value={draft.assessmentModel}
            onChange={(assessmentModel) => setDraft({ ...draft, assessmentModel })}
            disabled={!canEdit}
            options={ASSESSMENT_MODELS.map((m) => [m, t(`settings.assessmentModel.${m}`)] as const)}
          />
          {draft.assessmentModel === 'DEDICATED' && (
            <div className="meeting-form-row">
              <SelectField
                label={t('settings.assessmentModel.worker')}
                value={draft.assessmentWorkerId ?? ''}
                onChange={(id) => setDraft({ ...draft, assessmentWorkerId: id || null })}
                disabled={!canEdit}
                empty={{ label: '–', selectable: false }}
                options={assignable.map((u) => [u.id, u.name] as const)}
                required
              />
              <SelectField
                label={t('settings.assessmentModel.deputy')}
                value={draft.assessmentDeputyId ?? ''}
                onChange={(id) => setDraft({ ...draft, assessmentDeputyId: id || null })}
                disabled={!canEdit}
                empty={{ label: t('settings.assessmentModel.noDeputy'), selectable: true }}
                options={assignable
                  .filter((u) => u.id !== draft.assessmentWorkerId)
                  .map((u) => [u.id, u.name] as const)}
              />
            </div>
          )}
        </fieldset>
        <ErrorBanner error={error} />
        {canEdit && (
          <button type="submit" className="primary" disabled={busy}>
            {t('common.save')}
          </button>
        )}
        <p role="status" className="saved">
          {saved && !error ? t('common.saved') : ''}
        </p>
      </form>
      <ServiceDirectory canEdit={canEdit} />
      <LetterTemplates canEdit={canEdit} />
      {canEdit && <BackupsPanel />}
      <section className="panel">
        <h2>{t('settings.about')}</h2>
        <p>{t('settings.deadlineHelp')}</p>
        <p className="muted">
          {t('common.version', { version: status.version })} · {t('settings.store')}: {status.storePath}
        </p>
      </section>
    </>
  );
}
