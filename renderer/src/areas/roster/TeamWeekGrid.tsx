import { useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { workingDayCalendar } from '../../../../shared/calendar';
import type { Roster } from '../../../../shared/contract';
import { addDays, isoWeek } from '../../../../shared/dates';
import { isRostered, type MoveResult, type StaffDirectory } from '../../../../shared/contract/roster';
import { formatDate } from '../../format';
import { LockIcon } from './LockIcon';
import { problemText } from './problemText';

type Assignment = Roster['assignments'][number];

export interface GridActions {
  move(id: number, staffId: string, date: string, dryRun: boolean): Promise<MoveResult | null>;
  lock(id: number, locked: boolean): Promise<void>;
}

/**
 * One week of the roster as people x days. A duty is dragged to another person or day (or, from the
 * keyboard, picked with Enter and put with a cell's "Move here" button); while dragging, each cell is
 * checked against the hard rules in the main process and shows whether the duty may go there, and why not.
 */
export function TeamWeekGrid({
  monday,
  roster,
  directory,
  actions,
  editable,
}: {
  monday: string;
  roster: Roster;
  directory: StaffDirectory;
  actions: GridActions;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const calendar = useMemo(() => workingDayCalendar(directory.closureDays.map((c) => c.date)), [directory]);
  const days = [0, 1, 2, 3, 4].map((k) => addDays(monday, k));
  const week = isoWeek(monday);
  const people = directory.staff.filter((s) => s.active && isRostered(s.role));
  const assessor = roster.assignments.find((a) => a.week === week);
  const [picked, setPicked] = useState<Assignment | null>(null);
  /** Picked from the keyboard (or a click): the cells offer "Move here"; a drag leaves the layout as it is. */
  const [byKeys, setByKeys] = useState(false);
  const [checks, setChecks] = useState<Record<string, MoveResult | 'checking'>>({});
  const [status, setStatus] = useState('');

  const reasons = (r: MoveResult) => r.problems.map((p) => problemText(t, language, p)).join('; ');
  const absence = (staffId: string, date: string) =>
    roster.absences.find((a) => a.staffId === staffId && a.from <= date && date <= a.to);
  const dutyLabel = (a: Assignment) => `${t(`duties.${a.duty}`)}: ${a.staffName}, ${formatDate(a.date, language)}`;

  const check = async (a: Assignment, staffId: string, date: string) => {
    const key = `${a.id}|${staffId}|${date}`;
    if (checks[key]) return;
    setChecks((c) => ({ ...c, [key]: 'checking' }));
    const result = await actions.move(a.id, staffId, date, true);
    if (!result) return;
    setChecks((c) => ({ ...c, [key]: result }));
    if (!result.allowed) setStatus(t('roster.notHere', { reasons: reasons(result) }));
  };

  const put = async (a: Assignment, staffId: string, date: string) => {
    setPicked(null);
    setChecks({});
    if (a.staffId === staffId && a.date === date) return;
    const result = await actions.move(a.id, staffId, date, false);
    if (!result) return;
    setStatus(result.allowed ? t('roster.moved') : t('roster.refused', { reasons: reasons(result) }));
  };

  const onDrop = (e: DragEvent, staffId: string, date: string) => {
    e.preventDefault();
    if (picked) void put(picked, staffId, date);
  };

  return (
    <div className="week-grid-wrap">
      <p className="muted">{t('roster.gridHelp')}</p>
      <table className="data-table week-grid" aria-label={t('roster.gridCaption', { week: Number(week.slice(-2)) })}>
        <thead>
          <tr>
            <th scope="col">{t('roster.person')}</th>
            {days.map((d) => (
              <th scope="col" key={d} className={calendar.isWorkingDay(d) ? '' : 'closed'}>
                {new Date(`${d}T12:00:00Z`).toLocaleDateString(language, { weekday: 'short', timeZone: 'UTC' })}{' '}
                {formatDate(d, language)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                {p.name}
                {assessor?.staffId === p.id && (
                  <span className="badge duty-ASSESSMENT_WEEK">{t('duties.ASSESSMENT_WEEK')}</span>
                )}
                <span className="muted small">
                  {' '}
                  {t(`roster.staffRoles.${p.role}`)}
                  {p.languages.includes('sv') ? ' · sv' : ''}
                </span>
              </th>
              {days.map((date) => {
                const away = absence(p.id, date);
                const duties = roster.assignments.filter((a) => a.date === date && a.staffId === p.id);
                const key = picked ? `${picked.id}|${p.id}|${date}` : '';
                const verdict = picked ? checks[key] : undefined;
                const verdictClass =
                  verdict && verdict !== 'checking' ? (verdict.allowed ? 'drop-allowed' : 'drop-refused') : '';
                return (
                  <td
                    key={date}
                    className={[away ? 'absent' : '', calendar.isWorkingDay(date) ? '' : 'closed', verdictClass].join(
                      ' ',
                    )}
                    title={verdict && verdict !== 'checking' && !verdict.allowed ? reasons(verdict) : undefined}
                    data-cell={`${p.id}|${date}`}
                    onDragEnter={() => picked && void check(picked, p.id, date)}
                    onDragOver={(e) => editable && e.preventDefault()}
                    onDrop={(e) => onDrop(e, p.id, date)}
                  >
                    {away && <span className="absence-label">{t(`roster.absenceKinds.${away.kind}`)}</span>}
                    {duties.map((a) => (
                      <span
                        key={a.id}
                        className={`chip duty-${a.duty}`}
                        draggable={editable && !a.locked}
                        onDragStart={(e) => {
                          e.dataTransfer.setData('text/plain', String(a.id));
                          e.dataTransfer.effectAllowed = 'move';
                          setChecks({});
                          setByKeys(false);
                          setPicked(a);
                        }}
                        onDragEnd={() => setChecks({})}
                      >
                        <button
                          type="button"
                          className="chip-move"
                          disabled={!editable || a.locked}
                          aria-pressed={picked?.id === a.id}
                          aria-label={t('roster.pick', { duty: dutyLabel(a) })}
                          onClick={() => {
                            setByKeys(true);
                            setPicked(picked?.id === a.id ? null : a);
                            setStatus(picked?.id === a.id ? '' : t('roster.picked', { duty: dutyLabel(a) }));
                          }}
                          onKeyDown={(e) => e.key === 'Escape' && setPicked(null)}
                        >
                          {t(`duties.${a.duty}`)}
                        </button>
                        {editable && (
                          <button
                            type="button"
                            className="chip-lock"
                            aria-pressed={a.locked}
                            aria-label={t(a.locked ? 'roster.unlock' : 'roster.lock', { duty: dutyLabel(a) })}
                            title={t(a.locked ? 'roster.unlock' : 'roster.lock', { duty: dutyLabel(a) })}
                            onClick={() => void actions.lock(a.id, !a.locked)}
                          >
                            <LockIcon locked={a.locked} />
                          </button>
                        )}
                      </span>
                    ))}
                    {picked && byKeys && editable && !(picked.staffId === p.id && picked.date === date) && (
                      <button
                        type="button"
                        className="link-button move-here"
                        aria-label={t('roster.moveHereLabel', { name: p.name, date: formatDate(date, language) })}
                        onFocus={() => void check(picked, p.id, date)}
                        onClick={() => void put(picked, p.id, date)}
                        onKeyDown={(e) => e.key === 'Escape' && setPicked(null)}
                      >
                        {t('roster.moveHere')}
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status" aria-live="polite" className="grid-status">
        {status}
      </p>
    </div>
  );
}
