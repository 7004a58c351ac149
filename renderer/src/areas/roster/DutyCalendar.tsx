import type { EventDropArg, EventInput, EventSourceFuncArg } from '@fullcalendar/core';
import enGb from '@fullcalendar/core/locales/en-gb';
import fi from '@fullcalendar/core/locales/fi';
import sv from '@fullcalendar/core/locales/sv';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import FullCalendar from '@fullcalendar/react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, helsinkiDate, isoWeekMonday } from '../../../../shared/dates';
import type { ErrorPayload } from '../../../../shared/errors';
import { ROSTER_EDITORS } from '../../../../shared/roles';
import type { Staff } from '../../../../shared/contract/roster';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SelectField } from '../../components/SelectField';
import { useApp } from '../../state/appStore';
import { IcsExport } from './IcsExport';
import { problemText } from './problemText';
import { useReference } from '../../state/referenceStore';
import { api } from '../../api';
import { nameIn } from '../../../../shared/names';
import { Field } from '../../components/Field';

const LOCALES = { fi, sv, en: enGb };
export const DUTY_TYPES = ['RECEPTION', 'EMERGENCY', 'ASSESSMENT_WEEK'] as const;

/**
 * All duties on a calendar (month, week, list), colour per duty type, filtered by person or team or to
 * "my duties". Roster editors drag a daily duty to another day; the main process checks the hard rules.
 */
export function DutyCalendar() {
  const { t, i18n } = useTranslation();
  const { overview, language, status } = useApp();
  const canEdit = !!status?.user && ROSTER_EDITORS.includes(status.user.role);
  const myStaffId = status?.user?.staffId ?? null;
  const calendar = useRef<FullCalendar>(null);
  const dragHelpId = useId();
  const [failed, setFailed] = useState(false);
  const [staff, setStaff] = useState<Staff[]>([]);
  const [person, setPerson] = useState('');
  const [team, setTeam] = useState('');
  const { teams } = useReference();
  const [mine, setMine] = useState(false);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);

  useEffect(() => {
    const today = helsinkiDate(new Date());
    void api.staff.directory({ from: today, to: today }).then((r) => r.ok && setStaff(r.value.staff));
  }, []);

  const events = useCallback(
    async (range: EventSourceFuncArg): Promise<EventInput[]> => {
      const result = await api.roster.list({
        from: range.startStr.slice(0, 10),
        to: addDays(range.endStr.slice(0, 10), -1),
      });
      setFailed(!result.ok);
      if (!result.ok) return [];
      const who = mine && myStaffId ? myStaffId : person;
      const inTeam = new Set(staff.filter((s) => s.teamId === team).map((s) => s.id));
      const shown = result.value.assignments.filter(
        (a) => (!who || a.staffId === who) && (!team || inTeam.has(a.staffId)),
      );
      const duties: EventInput[] = shown.map((a) => {
        const start = a.date ?? isoWeekMonday(a.week!);
        return {
          id: String(a.id),
          title: `${t(`duties.${a.duty}`)}: ${a.staffName}${a.locked ? ` (${t('roster.locked')})` : ''}`,
          start,
          end: a.date ? undefined : addDays(start, 5),
          allDay: true,
          editable: canEdit && !!a.date && !a.locked,
          classNames: [`duty-${a.duty}`],
          extendedProps: { staffId: a.staffId },
        };
      });
      const short: EventInput[] =
        who || team
          ? []
          : result.value.shortfalls
              .filter((s) => s.date)
              .map((s) => ({
                id: `short-${s.date}-${s.duty}`,
                title: t('roster.shortfall', { duty: t(`duties.${s.duty}`), count: s.missing }),
                start: s.date!,
                allDay: true,
                editable: false,
                classNames: ['duty-shortfall'],
              }));
      const away: EventInput[] = who
        ? result.value.absences
            .filter((a) => a.staffId === who)
            .map((a) => ({
              id: `away-${a.id}`,
              title: t(`roster.absenceKinds.${a.kind}`),
              start: a.from,
              end: addDays(a.to, 1),
              allDay: true,
              editable: false,
              classNames: ['duty-absence'],
            }))
        : [];
      return [...duties, ...short, ...away];
    },
    [t, mine, myStaffId, person, team, staff, canEdit],
  );

  useEffect(() => {
    calendar.current?.getApi().refetchEvents();
  }, [events]);

  const drop = async (arg: EventDropArg) => {
    setError(null);
    setMessage('');
    const date = arg.event.startStr.slice(0, 10);
    const result = await api.roster.move({
      id: Number(arg.event.id),
      staffId: arg.event.extendedProps.staffId as string,
      date,
      reason,
    });
    if (!result.ok) {
      arg.revert();
      return setError(result.error);
    }
    if (!result.value.allowed) {
      arg.revert();
      return setMessage(
        t('roster.refused', {
          reasons: result.value.problems.map((p) => problemText(t, i18n.language, p)).join('; '),
        }),
      );
    }
    setMessage(t('roster.moved'));
    calendar.current?.getApi().refetchEvents();
  };

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
      <div className="directory-filters calendar-filters">
        <SelectField
          label={t('roster.person')}
          value={person}
          onChange={setPerson}
          empty={{ label: t('roster.everyone'), selectable: true }}
          options={staff.filter((s) => s.active).map((s) => [s.id, s.name] as const)}
        />
        <SelectField
          label={t('roster.team')}
          value={team}
          onChange={setTeam}
          empty={{ label: t('roster.allTeams'), selectable: true }}
          options={teams.map((x) => [x.id, nameIn(x.name, i18n.language)] as const)}
        />
        {myStaffId && (
          <label className="checkbox">
            <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} /> {t('roster.myDuties')}
          </label>
        )}
        {canEdit && (
          <div className="calendar-reason">
            <Field
              label={t('roster.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-describedby={dragHelpId}
            />
          </div>
        )}
      </div>
      {/* The drag help under the whole row, so the filters and the reason stay one row (issue 21 item 11). */}
      {canEdit && (
        <p className="hint calendar-help" id={dragHelpId}>
          {t('roster.dragHelp')}
        </p>
      )}
      <p role="status" className="saved calendar-status">
        {message}
      </p>
      <ErrorBanner error={error} />
      <div className="calendar">
        <FullCalendar
          ref={calendar}
          plugins={[dayGridPlugin, listPlugin, interactionPlugin]}
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
          eventDrop={(arg) => void drop(arg)}
          eventStartEditable={canEdit}
          eventDurationEditable={false}
        />
      </div>
      {/* Under the month like a chart's legend: each event also names its duty in words. */}
      <ul className="legend calendar-legend" aria-label={t('calendar.legend')}>
        {DUTY_TYPES.map((d) => (
          <li key={d}>
            <span className={`swatch duty-${d}`} aria-hidden="true" />
            {t(`duties.${d}`)}
          </li>
        ))}
      </ul>
    </>
  );
}
