import type { EventInput, EventSourceFuncArg } from '@fullcalendar/core';
import enGb from '@fullcalendar/core/locales/en-gb';
import fi from '@fullcalendar/core/locales/fi';
import sv from '@fullcalendar/core/locales/sv';
import dayGridPlugin from '@fullcalendar/daygrid';
import listPlugin from '@fullcalendar/list';
import FullCalendar from '@fullcalendar/react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, isoWeekMonday } from '../../../shared/dates';
import { EmptyState } from '../components/EmptyState';
import { useApp } from '../state/appStore';
import { IcsExport } from './roster/IcsExport';

const LOCALES = { fi, sv, en: enGb };
export const DUTY_TYPES = ['RECEPTION', 'EMERGENCY', 'ASSESSMENT_WEEK'] as const;

/** The reception-duty calendar (read-only here; editing, locks and repair come with the scheduler). */
export function CalendarView() {
  const { t } = useTranslation();
  const { overview, language } = useApp();
  const [failed, setFailed] = useState(false);

  const events = useCallback(
    async (range: EventSourceFuncArg): Promise<EventInput[]> => {
      const result = await window.luukku.roster.list({
        from: range.startStr.slice(0, 10),
        to: addDays(range.endStr.slice(0, 10), -1),
      });
      setFailed(!result.ok);
      if (!result.ok) return [];
      return result.value.assignments.map((a) => {
        const start = a.date ?? isoWeekMonday(a.week!);
        return {
          id: String(a.id),
          title: `${t(`duties.${a.duty}`)}: ${a.staffName}`,
          start,
          end: a.date ? undefined : addDays(start, 5),
          allDay: true,
          classNames: [`duty-${a.duty}`],
        };
      });
    },
    [t],
  );

  if (!overview) return <p aria-busy="true">{t('common.loading')}</p>;
  if (overview.dutyAssignments === 0)
    return <EmptyState title={t('calendar.emptyTitle')}>{t('calendar.emptyBody')}</EmptyState>;
  return (
    <>
      {failed && (
        <p className="banner banner-error" role="alert">
          {t('calendar.loadError')}
        </p>
      )}
      <IcsExport />
      <ul className="legend" aria-label={t('calendar.legend')}>
        {DUTY_TYPES.map((d) => (
          <li key={d}>
            <span className={`swatch duty-${d}`} aria-hidden="true" />
            {t(`duties.${d}`)}
          </li>
        ))}
      </ul>
      <div className="calendar">
        <FullCalendar
          plugins={[dayGridPlugin, listPlugin]}
          initialView="dayGridMonth"
          locale={LOCALES[language]}
          weekNumbers
          weekends={false}
          height="auto"
          dayMaxEvents={false}
          // Text chevrons: the icon font's role="img" spans have no text alternative (axe role-img-alt).
          buttonIcons={false}
          buttonText={{ prev: '‹', next: '›' }}
          headerToolbar={{ left: 'prev,next today', center: 'title', right: 'dayGridMonth,dayGridWeek,listWeek' }}
          events={events}
        />
      </div>
    </>
  );
}
