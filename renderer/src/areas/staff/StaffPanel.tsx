import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, helsinkiDate } from '../../../../shared/dates';
import type { ErrorPayload } from '../../../../shared/errors';
import {
  ABSENCE_KINDS,
  type Absence,
  type VisibleAbsence,
  type SaveStaffInput,
} from '../../../../shared/contract/roster';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { formatDate } from '../../format';
import { useRoster } from '../roster/useRoster';
import { PersonSelect } from '../roster/PersonSelect';
import { RepairPanel } from '../roster/RepairPanel';
import { StaffForm } from './StaffForm';
import { useReference } from '../../state/referenceStore';
import { api } from '../../api';
import { ScrollTable } from '../../components/ScrollTable';
import { ShowMore, usePaged } from '../../components/ShowMore';
import { nameIn } from '../../../../shared/names';
import { fold } from '../../../../shared/fold';

const DAYS_BACK = 30;
const DAYS_AHEAD = 365;

/** Workers on the roster, their absences (with a repair of the duties they hold) and duty wishes. */
export function StaffPanel({ canRepair }: { canRepair: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const today = helsinkiDate(new Date());
  const { directory, error: loadError, reload } = useRoster(addDays(today, -DAYS_BACK), addDays(today, DAYS_AHEAD));
  const [draft, setDraft] = useState<SaveStaffInput | null>(null);
  const [absence, setAbsence] = useState({ staffId: '', from: today, to: today, kind: 'VACATION' as Absence['kind'] });
  const [wish, setWish] = useState({ staffId: '', date: today });
  const [repairFor, setRepairFor] = useState<{ absenceId: number; held: number } | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [message, setMessage] = useState('');
  const { teams, areas } = useReference();
  // One search over the page's three lists, by the person's name (case and å ä ö folded alike).
  const [find, setFind] = useState('');
  const needle = fold(find.trim());
  const absences = useMemo(
    () => (directory?.absences ?? []).filter((a) => fold(a.staffName).includes(needle)),
    [directory, needle],
  );
  const staff = useMemo(
    () => (directory?.staff ?? []).filter((s) => fold(s.name).includes(needle)),
    [directory, needle],
  );
  const absencePages = usePaged(absences, 20);
  const staffPages = usePaged(staff, 25);

  const people = (directory?.staff ?? []).filter((s) => s.active);
  const areaName = (id: string | null) => {
    const area = areas.find((a) => a.id === id);
    return area ? (language === 'sv' ? area.nameSv : area.nameFi) : '';
  };
  const nameOf = (id: string) => directory?.staff.find((s) => s.id === id)?.name ?? id;

  const addAbsence = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const result = await api.staff.addAbsence(absence);
    if (!result.ok) return setError(result.error);
    setMessage(t('roster.absenceAdded', { name: nameOf(absence.staffId) }));
    setRepairFor(
      result.value.heldDuties > 0 ? { absenceId: result.value.absenceId, held: result.value.heldDuties } : null,
    );
    await reload();
  };
  const removeAbsence = async (a: VisibleAbsence) => {
    const result = await api.staff.removeAbsence({ id: a.id });
    if (!result.ok) return setError(result.error);
    setMessage(t('roster.absenceRemoved', { name: a.staffName }));
    await reload();
  };
  const saveWish = async (staffId: string, date: string, off: boolean) => {
    const result = await api.staff.wish({ staffId, date, off });
    if (!result.ok) return setError(result.error);
    await reload();
  };

  return (
    <div className="staff-panel">
      <ErrorBanner error={error ?? loadError} />
      <div className="staff-find">
        <Field
          label={t('roster.findPerson')}
          type="search"
          value={find}
          onChange={(e) => setFind(e.target.value)}
          hint={t('roster.findPersonHint')}
        />
      </div>
      <p role="status" className="saved">
        {message}
      </p>
      {repairFor && (
        <RepairPanel
          absenceId={repairFor.absenceId}
          held={repairFor.held}
          canAccept={canRepair}
          onDone={async (text) => {
            setRepairFor(null);
            setMessage(text);
            await reload();
          }}
        />
      )}
      <section className="panel" aria-labelledby="absences-heading">
        <h2 id="absences-heading">{t('roster.absencesTitle')}</h2>
        <form className="inline-form" onSubmit={addAbsence} aria-label={t('roster.addAbsence')}>
          <PersonSelect
            people={people}
            value={absence.staffId}
            onChange={(staffId) => setAbsence({ ...absence, staffId })}
          />
          <Field
            label={t('roster.from')}
            type="date"
            value={absence.from}
            onChange={(e) => setAbsence({ ...absence, from: e.target.value })}
            required
          />
          <Field
            label={t('roster.to')}
            type="date"
            value={absence.to}
            onChange={(e) => setAbsence({ ...absence, to: e.target.value })}
            required
          />
          <SelectField
            label={t('roster.absenceKind')}
            value={absence.kind}
            onChange={(kind) => setAbsence({ ...absence, kind })}
            options={ABSENCE_KINDS.map((k) => [k, t(`roster.absenceKinds.${k}`)] as const)}
          />
          <button type="submit">{t('roster.addAbsence')}</button>
        </form>
        {directory && directory.absences.length === 0 ? (
          <p className="muted">{t('roster.noAbsences')}</p>
        ) : (
          <>
            <ScrollTable>
              <caption>{t('roster.whoIsAway')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('roster.person')}</th>
                  <th scope="col">{t('roster.from')}</th>
                  <th scope="col">{t('roster.to')}</th>
                  <th scope="col">{t('roster.absenceKind')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('roster.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {absencePages.visible.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.staffName}</th>
                    <td>{formatDate(a.from, language)}</td>
                    <td>{formatDate(a.to, language)}</td>
                    <td>{t(`roster.absenceKinds.${a.kind}`)}</td>
                    <td className="button-row">
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => setRepairFor({ absenceId: a.id, held: 0 })}
                      >
                        {t('roster.repairDuties')}
                      </button>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('roster.removeAbsenceLabel', {
                          name: a.staffName,
                          from: formatDate(a.from, language),
                        })}
                        onClick={() => void removeAbsence(a)}
                      >
                        {t('roster.remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
            <ShowMore left={absencePages.left} onClick={absencePages.showMore} />
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="wishes-heading">
        <h2 id="wishes-heading">{t('roster.wishesTitle')}</h2>
        <p className="muted">{t('roster.wishesHelp')}</p>
        <form
          className="inline-form"
          aria-label={t('roster.addWish')}
          onSubmit={(e) => {
            e.preventDefault();
            void saveWish(wish.staffId, wish.date, true);
          }}
        >
          <PersonSelect people={people} value={wish.staffId} onChange={(staffId) => setWish({ ...wish, staffId })} />
          <Field
            label={t('roster.day')}
            type="date"
            value={wish.date}
            onChange={(e) => setWish({ ...wish, date: e.target.value })}
            required
          />
          <button type="submit">{t('roster.addWish')}</button>
        </form>
        <ul className="wish-list">
          {directory?.wishes
            .filter((w) => fold(nameOf(w.staffId)).includes(needle))
            .map((w) => (
              <li key={`${w.staffId}-${w.date}`}>
                {nameOf(w.staffId)}: {formatDate(w.date, language)}{' '}
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('roster.removeWishLabel', {
                    name: nameOf(w.staffId),
                    date: formatDate(w.date, language),
                  })}
                  onClick={() => void saveWish(w.staffId, w.date, false)}
                >
                  {t('roster.remove')}
                </button>
              </li>
            ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="staff-heading">
        <h2 id="staff-heading">{t('roster.staffTitle')}</h2>
        {!draft && (
          <button
            type="button"
            onClick={() =>
              setDraft({
                name: '',
                role: 'COUNSELLOR',
                fte: 1,
                languages: ['fi'],
                areaId: null,
                teamId: null,
                maxDutiesPerWeek: 2,
              })
            }
          >
            {t('roster.addStaff')}
          </button>
        )}
        {draft && (
          <StaffForm
            draft={draft}
            teams={teams}
            areas={areas}
            onCancel={() => setDraft(null)}
            onSaved={async (name) => {
              setDraft(null);
              setMessage(t('roster.staffSaved', { name }));
              await reload();
            }}
          />
        )}
        <ScrollTable>
          <thead>
            <tr>
              <th scope="col">{t('roster.person')}</th>
              <th scope="col">{t('roster.role')}</th>
              <th scope="col">{t('roster.fte')}</th>
              <th scope="col">{t('roster.languages')}</th>
              <th scope="col">{t('roster.area')}</th>
              <th scope="col">{t('roster.team')}</th>
              <th scope="col">{t('roster.maxPerWeek')}</th>
              <th scope="col">
                <span className="sr-only">{t('roster.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {staffPages.visible.map((s) => (
              <tr key={s.id} className={s.active ? '' : 'past'}>
                <th scope="row">
                  {s.name}
                  {!s.active && ` (${t('roster.inactive')})`}
                </th>
                <td>{t(`roster.staffRoles.${s.role}`)}</td>
                <td className="number">{s.fte.toLocaleString(language)}</td>
                <td>{s.languages.join(', ')}</td>
                <td>{areaName(s.areaId)}</td>
                <td>{nameIn(teams.find((x) => x.id === s.teamId)?.name ?? '', language)}</td>
                <td className="number">{s.maxDutiesPerWeek ?? ''}</td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('roster.editStaffLabel', { name: s.name })}
                    onClick={() => setDraft({ ...s })}
                  >
                    {t('roster.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
        <ShowMore left={staffPages.left} onClick={staffPages.showMore} />
      </section>
    </div>
  );
}
