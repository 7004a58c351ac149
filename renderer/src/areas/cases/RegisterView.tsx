import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_TYPES, CHANNELS, REPORTER_CATEGORIES, type CaseType } from '../../../../shared/caseTypes';
import { checkHetu } from '../../../../shared/hetu';
import { helsinkiDate } from '../../../../shared/dates';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { formatDate, helsinkiNowForInput } from '../../format';
import { useApp } from '../../state/appStore';
import { useQueue } from './queueStore';
import type { ErrorPayload } from '../../../../shared/errors';
import type { Guardian } from '../../../../shared/contract/cases';
import { useReference } from '../../state/referenceStore';
import { api } from '../../api';

type Child = { firstName: string; lastName: string; hetu: string; birthDate: string; expectedBirthDate: string };
type Existing = {
  id: string;
  type: CaseType;
  status: string;
  receivedDate: string;
  childName: string | null;
  matchedBy: string;
};
const emptyChild: Child = { firstName: '', lastName: '', hetu: '', birthDate: '', expectedBirthDate: '' };

/** Registering a notification in seconds: every field in tab order, Enter saves, siblings in one go. */
export function RegisterView() {
  const { t, i18n } = useTranslation();
  const setView = useApp((s) => s.setView);
  const showCreated = useQueue((s) => s.showCreated);
  const [type, setType] = useState<CaseType>('LSL25');
  const [channel, setChannel] = useState('OMAPALVELU');
  const [receivedAt, setReceivedAt] = useState(helsinkiNowForInput());
  const [reporterCategory, setReporterCategory] = useState('SCHOOL');
  const [reporterContact, setReporterContact] = useState('');
  const [municipalityId, setMunicipalityId] = useState('');
  const [summary, setSummary] = useState('');
  const [children, setChildren] = useState<Child[]>([{ ...emptyChild }]);
  const [guardians, setGuardians] = useState<Guardian[]>([]);
  const { municipalities } = useReference();
  const [existing, setExisting] = useState<Existing[]>([]);
  const [existingElsewhere, setExistingElsewhere] = useState(false);
  const [linkTo, setLinkTo] = useState<string | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const unborn = type === 'LSL25C';

  // Duplicate detection on the first child: by identity code, or by name and birth date.
  const first = children[0]!;
  useEffect(() => {
    const byHetu = checkHetu(first.hetu).ok;
    const byName = first.firstName && first.lastName && first.birthDate;
    if (!byHetu && !byName) {
      setExisting([]);
      setExistingElsewhere(false);
      return;
    }
    const timer = window.setTimeout(() => {
      void api.cases
        .findExisting(
          byHetu
            ? { hetu: first.hetu }
            : { firstName: first.firstName, lastName: first.lastName, birthDate: first.birthDate },
        )
        .then((r) => {
          if (!r.ok) return;
          setExisting(r.value.cases);
          setExistingElsewhere(r.value.outsideScope);
        });
    }, 300);
    return () => window.clearTimeout(timer);
  }, [first.hetu, first.firstName, first.lastName, first.birthDate]);

  const updateChild = (i: number, patch: Partial<Child>) =>
    setChildren(children.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  // Says why: the format, an impossible or future date, the individual number or the check character.
  const hetuError = (hetu: string) => {
    const check = hetu.length >= 11 ? checkHetu(hetu, helsinkiDate(new Date())) : null;
    if (!check || check.ok) return null;
    const reason = `hetu${check.reason.charAt(0)}${check.reason.slice(1).toLowerCase()}`;
    return t('errors.INVALID_INPUT', { message: `${t('detail.hetu')}: ${t(`validation.reasons.${reason}`)}` });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const result = await api.cases.register({
      type,
      channel: channel as (typeof CHANNELS)[number],
      receivedAt,
      reporterCategory: reporterCategory as (typeof REPORTER_CATEGORIES)[number],
      reporterContact,
      municipalityId,
      summary,
      children: children.map((c) =>
        unborn ? { expectedBirthDate: c.expectedBirthDate } : { ...c, expectedBirthDate: '' },
      ),
      guardians,
      ...(linkTo ? { linkToCaseId: linkTo } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setView('queue');
    await showCreated(result.value, t('register.saved', { count: result.value.caseIds.length }));
  };

  return (
    <form className="register-form" onSubmit={submit} aria-busy={busy}>
      <p className="muted">{t('register.intro')}</p>
      <div className="form-grid">
        <SelectField
          required
          label={t('register.type')}
          value={type}
          onChange={(v) => setType(v as CaseType)}
          options={CASE_TYPES.map((c) => [c, t(`caseTypes.${c}`)])}
        />
        <SelectField
          required
          label={t('register.channel')}
          value={channel}
          onChange={setChannel}
          options={CHANNELS.map((c) => [c, t(`channels.${c}`)])}
        />
        <Field
          label={t('register.receivedAt')}
          type="datetime-local"
          value={receivedAt}
          onChange={(e) => setReceivedAt(e.target.value)}
          hint={t('register.receivedHint')}
          required
        />
        <SelectField
          required
          label={t('register.reporter')}
          value={reporterCategory}
          onChange={setReporterCategory}
          options={REPORTER_CATEGORIES.map((c) => [c, t(`reporters.${c}`)])}
        />
        <Field
          label={t('register.contact')}
          value={reporterContact}
          onChange={(e) => setReporterContact(e.target.value)}
        />
        <SelectField
          required
          label={t('register.municipality')}
          value={municipalityId}
          onChange={setMunicipalityId}
          options={[
            ['', t('register.chooseMunicipality')],
            ...municipalities.map((m): [string, string] => [m.id, i18n.language === 'sv' ? m.nameSv : m.nameFi]),
          ]}
        />
      </div>
      <fieldset>
        <legend>{t('register.children')}</legend>
        {unborn && <p className="muted">{t('register.unbornNote')}</p>}
        {children.map((child, i) => (
          <fieldset key={i} className="child">
            <legend>{t('register.child', { n: i + 1 })}</legend>
            {unborn ? (
              <Field
                label={t('detail.expectedBirth')}
                type="date"
                value={child.expectedBirthDate}
                onChange={(e) => updateChild(i, { expectedBirthDate: e.target.value })}
              />
            ) : (
              <div className="form-grid">
                <Field
                  label={t('detail.firstName')}
                  value={child.firstName}
                  onChange={(e) => updateChild(i, { firstName: e.target.value })}
                  required
                  autoFocus={i === 0}
                />
                <Field
                  label={t('detail.lastName')}
                  value={child.lastName}
                  onChange={(e) => updateChild(i, { lastName: e.target.value })}
                  required
                />
                <Field
                  label={t('detail.hetu')}
                  value={child.hetu}
                  onChange={(e) => updateChild(i, { hetu: e.target.value.toUpperCase() })}
                  hint={t('register.hetuHint')}
                  error={hetuError(child.hetu)}
                  maxLength={11}
                />
                <Field
                  label={t('detail.birthDate')}
                  type="date"
                  value={child.birthDate}
                  onChange={(e) => updateChild(i, { birthDate: e.target.value })}
                />
              </div>
            )}
            {children.length > 1 && (
              <button type="button" onClick={() => setChildren(children.filter((_, j) => j !== i))}>
                {t('register.removeChild', { n: i + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        {children.length < 8 && (
          <button
            type="button"
            onClick={() => setChildren([...children, { ...emptyChild, lastName: children[0]!.lastName }])}
          >
            {t('register.addSibling')}
          </button>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('register.guardians')}</legend>
        {guardians.map((g, i) => (
          <fieldset key={i} className="child">
            <legend>{t('register.guardian', { n: i + 1 })}</legend>
            <div className="form-grid">
              <Field
                label={t('register.guardianName')}
                value={g.name}
                onChange={(e) => setGuardians(guardians.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
                required
              />
              <Field
                label={t('register.guardianPhone')}
                type="tel"
                value={g.phone}
                onChange={(e) => setGuardians(guardians.map((x, j) => (j === i ? { ...x, phone: e.target.value } : x)))}
              />
              <SelectField
                label={t('register.guardianLanguage')}
                value={g.language}
                onChange={(language) => setGuardians(guardians.map((x, j) => (j === i ? { ...x, language } : x)))}
                options={(['fi', 'sv', 'other'] as const).map((l) => [l, t(`advice.languages.${l}`)] as const)}
              />
            </div>
            <button type="button" onClick={() => setGuardians(guardians.filter((_, j) => j !== i))}>
              {t('register.removeGuardian', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        {guardians.length < 4 && (
          <button
            type="button"
            onClick={() =>
              setGuardians([...guardians, { name: '', phone: '', language: i18n.language === 'sv' ? 'sv' : 'fi' }])
            }
          >
            {t('register.addGuardian')}
          </button>
        )}
      </fieldset>
      {existing.length > 0 && (
        <section className="banner banner-info" aria-live="polite">
          <p>{t('register.existing')}</p>
          <ul className="existing">
            {existing.map((c) => (
              <li key={c.id}>
                {c.childName} · {t(`caseTypes.${c.type}`)} · {formatDate(c.receivedDate, i18n.language)} ·{' '}
                {t(`statuses.${c.status}`)}{' '}
                <button
                  type="button"
                  aria-pressed={linkTo === c.id}
                  onClick={() => setLinkTo(linkTo === c.id ? null : c.id)}
                >
                  {t('register.linkTo')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {existingElsewhere && (
        <p className="banner banner-info" role="status">
          {t('register.existingElsewhere')}
        </p>
      )}
      <div className="field">
        <label htmlFor="reg-summary">{t('register.summary')}</label>
        <textarea id="reg-summary" rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </div>
      <ErrorBanner error={error} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {t('register.submit')}
        </button>
        <button type="button" onClick={() => setView('queue')}>
          {t('register.cancel')}
        </button>
      </div>
    </form>
  );
}
