import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import { SERVICE_KINDS, type SaveServiceInput } from '../../../../shared/contract/org';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { useServiceSearch } from './useServiceSearch';
import { api } from '../../api';
import { ScrollTable } from '../../components/ScrollTable';

const EMPTY: SaveServiceInput = { name: '', kind: 'PUBLIC', description: '', contact: '', active: true };

/** The county's directory of services a GUIDANCE decision can point to; team leads and admins keep it. */
export function ServiceDirectory({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const ids = { search: useId(), description: useId(), active: useId() };
  const [text, setText] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const { services, error: loadError, reload } = useServiceSearch(text, includeInactive);
  const [draft, setDraft] = useState<SaveServiceInput | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [saved, setSaved] = useState('');

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    setError(null);
    const result = await api.guidance.saveService(draft);
    if (!result.ok) return setError(result.error);
    setSaved(t('guidance.saved', { name: result.value.name }));
    setDraft(null);
    await reload();
  };

  return (
    <section className="panel" aria-labelledby="services-heading">
      <h2 id="services-heading">{t('guidance.title')}</h2>
      <p className="muted">{t('guidance.help')}</p>
      <div className="directory-filters">
        <div className="field">
          <label htmlFor={ids.search}>{t('guidance.search')}</label>
          <input id={ids.search} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} />{' '}
          {t('guidance.showInactive')}
        </label>
        {canEdit && !draft && (
          <button type="button" onClick={() => setDraft(EMPTY)}>
            {t('guidance.add')}
          </button>
        )}
      </div>
      {draft && (
        <form className="service-form" onSubmit={save} aria-label={t(draft.id ? 'guidance.edit' : 'guidance.add')}>
          <Field
            label={t('guidance.name')}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            required
            autoFocus
          />
          <SelectField
            label={t('guidance.kind')}
            value={draft.kind}
            onChange={(kind) => setDraft({ ...draft, kind })}
            options={SERVICE_KINDS.map((k) => [k, t(`guidance.kinds.${k}`)] as const)}
          />
          <div className="field">
            <label htmlFor={ids.description}>{t('guidance.description')}</label>
            <textarea
              id={ids.description}
              rows={2}
              value={draft.description}
              onChange={(e) => setDraft({ ...draft, description: e.target.value })}
            />
          </div>
          <Field
            label={t('guidance.contact')}
            value={draft.contact}
            onChange={(e) => setDraft({ ...draft, contact: e.target.value })}
          />
          <label className="checkbox" htmlFor={ids.active}>
            <input
              id={ids.active}
              type="checkbox"
              checked={draft.active}
              onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
            />{' '}
            {t('guidance.active')}
          </label>
          <div className="button-row">
            <button type="submit" className="primary" disabled={!draft.name.trim()}>
              {t('common.save')}
            </button>
            <button type="button" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorBanner error={error ?? loadError} />
      <p role="status" className="saved">
        {saved}
      </p>
      <ScrollTable>
        <caption className="sr-only">{t('guidance.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('guidance.name')}</th>
            <th scope="col">{t('guidance.kind')}</th>
            <th scope="col">{t('guidance.contact')}</th>
            {canEdit && <th scope="col">{t('guidance.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.id} className={s.active ? undefined : 'inactive'}>
              <td>
                {s.name}
                {!s.active && <span className="muted"> ({t('guidance.inactive')})</span>}
                {s.description && <div className="muted">{s.description}</div>}
              </td>
              <td>{t(`guidance.kinds.${s.kind}`)}</td>
              <td>{s.contact}</td>
              {canEdit && (
                <td>
                  <button
                    type="button"
                    aria-label={t('guidance.editNamed', { name: s.name })}
                    onClick={() => setDraft({ ...s })}
                  >
                    {t('guidance.edit')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {services.length === 0 && <p className="muted">{t('guidance.noMatch')}</p>}
    </section>
  );
}
