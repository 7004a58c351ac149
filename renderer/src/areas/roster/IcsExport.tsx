import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, helsinkiDate } from '../../../../shared/dates';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SelectField } from '../../components/SelectField';
import { downloadText } from '../../download';
import { useApp } from '../../state/appStore';
import { api } from '../../api';

const MONTHS_AHEAD_DAYS = 183;

/** The next six months of duties as an .ics file, for one person or the whole team. */
export function IcsExport() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const [people, setPeople] = useState<{ id: string; name: string }[]>([]);
  const [staffId, setStaffId] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [done, setDone] = useState('');
  const from = helsinkiDate(new Date());
  const to = addDays(from, MONTHS_AHEAD_DAYS);

  useEffect(() => {
    void api.roster.list({ from, to }).then((r) => {
      if (!r.ok) return;
      const byId = new Map(r.value.assignments.map((a) => [a.staffId, a.staffName]));
      setPeople([...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)));
    });
  }, [from, to]);

  const exportIcs = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const result = await api.roster.ics({ from, to, language, ...(staffId ? { staffId } : {}) });
    if (!result.ok) return setError(result.error);
    // iCalendar is UTF-8 without a byte-order mark (RFC 5545 § 3.1.4).
    downloadText(result.value.fileName, result.value.ics, 'text/calendar', { bom: false });
    setDone(t('calendar.icsDone', { count: result.value.events }));
  };

  return (
    // Folded away until wanted: the calendar's controls stay one row above it (issue 21 item 11).
    <details className="ics-details">
      <summary>{t('calendar.icsTitle')}</summary>
      <form className="ics-export directory-filters" onSubmit={exportIcs} aria-label={t('calendar.icsTitle')}>
        <SelectField
          label={t('calendar.icsWho')}
          value={staffId}
          onChange={setStaffId}
          empty={{ label: t('calendar.icsTeam'), selectable: true }}
          options={people.map((p) => [p.id, p.name] as const)}
        />
        <button type="submit">{t('calendar.icsExport')}</button>
        <p role="status" className="saved">
          {done}
        </p>
        <ErrorBanner error={error} />
      </form>
    </details>
  );
}
