import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import { LANGUAGE_CODES, STAFF_ROLES, type SaveStaffInput } from '../../../../shared/contract/roster';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { api } from '../../api';
import { nameIn } from '../../../../shared/names';

/** Add or edit a worker: role, FTE, languages, team, weekly maximum of duties, in use or not. */
export function StaffForm({
  draft: initial,
  teams,
  areas,
  onSaved,
  onCancel,
}: {
  draft: SaveStaffInput;
  teams: { id: string; name: string }[];
  areas: { id: string; nameFi: string; nameSv: string }[];
  onSaved: (name: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const result = await api.staff.save(draft);
    if (!result.ok) return setError(result.error);
    await onSaved(result.value.name);
  };
  const toggleLanguage = (code: string, on: boolean) =>
    setDraft({
      ...draft,
      languages: on ? [...draft.languages, code] : draft.languages.filter((l) => l !== code),
    });
  return (
    <form className="service-form" onSubmit={save} aria-label={t(draft.id ? 'roster.editStaff' : 'roster.addStaff')}>
      <Field
        label={t('roster.name')}
        value={draft.name}
        onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        required
        autoFocus
      />
      <SelectField
        label={t('roster.role')}
        value={draft.role}
        onChange={(role) => setDraft({ ...draft, role })}
        options={STAFF_ROLES.map((r) => [r, t(`roster.staffRoles.${r}`)] as const)}
      />
      <Field
        label={t('roster.fte')}
        type="number"
        min={0.05}
        max={1}
        step={0.05}
        value={draft.fte}
        onChange={(e) => setDraft({ ...draft, fte: Number(e.target.value) })}
        required
      />
      <fieldset className="choices">
        <legend>{t('roster.languages')}</legend>
        {[...new Set([...LANGUAGE_CODES, ...initial.languages])].map((code) => (
          <label key={code} className="checkbox">
            <input
              type="checkbox"
              checked={draft.languages.includes(code)}
              onChange={(e) => toggleLanguage(code, e.target.checked)}
            />{' '}
            {code}
          </label>
        ))}
      </fieldset>
      <SelectField
        label={t('roster.area')}
        value={draft.areaId ?? ''}
        onChange={(areaId) => setDraft({ ...draft, areaId: areaId || null })}
        empty={{ label: t('roster.noArea'), selectable: true }}
        options={areas.map((a) => [a.id, i18n.language === 'sv' ? a.nameSv : a.nameFi] as const)}
      />
      <SelectField
        label={t('roster.team')}
        value={draft.teamId ?? ''}
        onChange={(teamId) => setDraft({ ...draft, teamId: teamId || null })}
        empty={{ label: t('roster.noTeam'), selectable: true }}
        options={teams.map((x) => [x.id, nameIn(x.name, i18n.language)] as const)}
      />
      <Field
        label={t('roster.maxPerWeek')}
        type="number"
        min={0}
        max={5}
        value={draft.maxDutiesPerWeek ?? ''}
        onChange={(e) =>
          setDraft({ ...draft, maxDutiesPerWeek: e.target.value === '' ? null : Number(e.target.value) })
        }
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.active ?? true}
          onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
        />{' '}
        {t('roster.activeStaff')}
      </label>
      <ErrorBanner error={error} />
      <div className="button-row">
        <button type="submit">{t('common.save')}</button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
