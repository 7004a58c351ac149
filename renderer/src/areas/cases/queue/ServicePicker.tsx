import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuidanceService } from '../../../../../shared/contract/org';
import { useServiceSearch } from '../../org/useServiceSearch';
import { nameIn } from '../../../../../shared/names';

/** Search the county's service directory and tick the services a family was guided to. */
export function ServicePicker({ selected, onChange }: { selected: string[]; onChange: (ids: string[]) => void }) {
  const { t, i18n } = useTranslation();
  const searchId = useId();
  const [text, setText] = useState('');
  const { services } = useServiceSearch(text);
  // Ticked services stay listed while a later search would hide them.
  const [known, setKnown] = useState<Record<string, GuidanceService>>({});
  useEffect(() => setKnown((k) => ({ ...k, ...Object.fromEntries(services.map((s) => [s.id, s])) })), [services]);

  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);
  const hidden = selected.filter((id) => !services.some((s) => s.id === id));

  return (
    <fieldset className="service-picker">
      <legend>{t('guidance.pickLegend')}</legend>
      <div className="field">
        <label htmlFor={searchId}>{t('guidance.search')}</label>
        <input id={searchId} type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <ul className="service-list">
        {[...hidden.map((id) => known[id]).filter((s) => !!s), ...services].map((s) => (
          <li key={s.id}>
            <label>
              <input type="checkbox" checked={selected.includes(s.id)} onChange={() => toggle(s.id)} />
              <span>
                {nameIn(s.name, i18n.language)} <span className="muted">· {t(`guidance.kinds.${s.kind}`)}</span>
              </span>
              {s.description && <span className="muted service-description">{s.description}</span>}
            </label>
          </li>
        ))}
        {services.length === 0 && <li className="muted">{t('guidance.noMatch')}</li>}
      </ul>
      <p className="muted" role="status">
        {t('guidance.selected', { count: selected.length })}
      </p>
    </fieldset>
  );
}
