import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_TYPES, CHANNELS, REPORTER_CATEGORIES, type CaseType } from '../../../../shared/caseTypes';
import { checkHetu } from '../../../../shared/hetu';
import { helsinkiDate } from '../../../../shared/dates';
import { ConfirmBar } from '../../components/ConfirmBar';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { formatDate } from '../../format';
import { useApp } from '../../state/appStore';
import { useQueue } from './queueStore';
import type { ErrorPayload } from '../../../../shared/errors';
import type { Guardian } from '../../../../shared/contract/cases';
import { useReference } from '../../state/referenceStore';
import { api } from '../../api';
import {
  emptyChild,
  emptyForm,
  hasInput,
  keepDraft,
  resetRegisterDraft,
  useRegisterDraft,
  type ChildDraft,
  type RegisterForm,
} from './registerDraft';
import { ExistingCases, useExistingCases } from './ExistingCases';

/** A whole identity code checked (null while it is still being typed). */
const typedHetu = (hetu: string) => (hetu.length === 11 ? checkHetu(hetu, helsinkiDate(new Date())) : null);

/** The birth date an identity code gives, or null while it is incomplete or invalid. */
const birthDateOf = (hetu: string) => {
  const check = typedHetu(hetu);
  return check?.ok ? check.birthDate : null;
};

/**
 * Registering a notification as it is told on the phone (issue 21 item 4): focus starts at the channel,
 * nothing is chosen for the user, every field in tab order, a new sibling or guardian row takes the focus,
 * the birth date comes from the identity code, Ctrl+Enter saves, and each child is checked against
 * earlier cases. Leaving the form keeps what was typed (registerDraft.ts).
 */
export function RegisterView() {
  const { t, i18n } = useTranslation();
  const setView = useApp((s) => s.setView);
  const showCreated = useQueue((s) => s.showCreated);
  const { municipalities } = useReference();
  const [form, setForm] = useState<RegisterForm>(() => useRegisterDraft.getState().draft ?? emptyForm());
  const [restored] = useState(() => useRegisterDraft.getState().draft !== null);
  const [attempted, setAttempted] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [focusRow, setFocusRow] = useState<string | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const existing = useExistingCases(form.children);
  const unborn = form.type === 'LSL25C';

  // What is on the form is kept as it is typed, so leaving the form loses nothing; saving or discarding
  // ends it, and so does signing out (Workspace), which a keep on unmount would outlive.
  const finished = useRef(false);
  useEffect(() => {
    if (!finished.current) keepDraft(form);
  }, [form]);

  // A row just added takes the focus at its first field.
  useEffect(() => {
    if (!focusRow) return;
    formRef.current?.querySelector<HTMLElement>(`[data-row="${focusRow}"] :is(input, select)`)?.focus();
    setFocusRow(null);
  }, [focusRow]);

  const patch = (p: Partial<RegisterForm>) => setForm((f) => ({ ...f, ...p }));
  const updateChild = (i: number, p: Partial<ChildDraft>) =>
    patch({ children: form.children.map((c, j) => (j === i ? { ...c, ...p } : c)) });
  const updateGuardian = (i: number, p: Partial<Guardian>) =>
    patch({ guardians: form.guardians.map((g, j) => (j === i ? { ...g, ...p } : g)) });
  const required = (value: string) => (attempted && !value.trim() ? t('common.required') : null);
  // Says why: the format, an impossible or future date, the individual number or the check character.
  const hetuError = (hetu: string) => {
    const check = typedHetu(hetu);
    if (!check || check.ok) return null;
    const reason = `hetu${check.reason.charAt(0)}${check.reason.slice(1).toLowerCase()}`;
    return t('errors.INVALID_INPUT', { message: `${t('detail.hetu')}: ${t(`validation.reasons.${reason}`)}` });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    // The app's own words for what is missing, at the first such field (not the browser's bubbles).
    if (!formRef.current?.checkValidity()) {
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], :invalid')?.focus(),
      );
      return;
    }
    setBusy(true);
    setError(null);
    const result = await api.cases.register({
      type: form.type,
      channel: form.channel as (typeof CHANNELS)[number],
      receivedAt: form.receivedAt,
      reporterCategory: form.reporterCategory as (typeof REPORTER_CATEGORIES)[number],
      reporterContact: form.reporterContact,
      municipalityId: form.municipalityId,
      summary: form.summary,
      children: form.children.map((c) =>
        unborn
          ? { expectedBirthDate: c.expectedBirthDate }
          : { ...c, birthDate: birthDateOf(c.hetu) ?? c.birthDate, expectedBirthDate: '' },
      ),
      guardians: form.guardians,
      ...(form.linkTo ? { linkToCaseId: form.linkTo } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    finished.current = true;
    resetRegisterDraft();
    setView('queue');
    await showCreated(result.value, t('register.saved', { count: result.value.caseIds.length }));
  };

  const leave = () => {
    finished.current = true;
    resetRegisterDraft();
    setView('queue');
  };

  // Ctrl+Enter saves from any field, the summary's text area included.
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.currentTarget.requestSubmit();
    }
  };

  return (
    <form
      ref={formRef}
      className="register-form"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
      aria-busy={busy}
      aria-keyshortcuts="Control+Enter"
    >
      <p className="muted">{t('register.intro')}</p>
      {restored && (
        <p className="banner banner-info" role="status">
          {t('register.draftRestored')}
        </p>
      )}
      <div className="form-grid">
        <SelectField
          required
          autoFocus
          label={t('register.channel')}
          value={form.channel}
          onChange={(channel) => patch({ channel })}
          empty={{ label: t('register.chooseChannel'), selectable: false }}
          options={CHANNELS.map((c) => [c, t(`channels.${c}`)])}
          error={required(form.channel)}
        />
        <SelectField
          required
          label={t('register.type')}
          value={form.type}
          onChange={(type) => patch({ type: type as CaseType })}
          options={CASE_TYPES.map((c) => [c, t(`caseTypes.${c}`)])}
        />
        <Field
          label={t('register.receivedAt')}
          type="datetime-local"
          value={form.receivedAt}
          onChange={(e) => patch({ receivedAt: e.target.value })}
          hint={t('register.receivedHint')}
          error={required(form.receivedAt)}
          required
        />
        <SelectField
          required
          label={t('register.reporter')}
          value={form.reporterCategory}
          onChange={(reporterCategory) => patch({ reporterCategory })}
          empty={{ label: t('register.chooseReporter'), selectable: false }}
          options={REPORTER_CATEGORIES.map((c) => [c, t(`reporters.${c}`)])}
          error={required(form.reporterCategory)}
        />
        <Field
          label={t('register.contact')}
          value={form.reporterContact}
          onChange={(e) => patch({ reporterContact: e.target.value })}
        />
        <SelectField
          required
          label={t('register.municipality')}
          value={form.municipalityId}
          onChange={(municipalityId) => patch({ municipalityId })}
          empty={{ label: t('register.chooseMunicipality'), selectable: false }}
          options={municipalities.map((m): [string, string] => [m.id, i18n.language === 'sv' ? m.nameSv : m.nameFi])}
          error={required(form.municipalityId)}
        />
      </div>
      <fieldset>
        <legend>{t('register.children')}</legend>
        {unborn && <p className="muted">{t('register.unbornNote')}</p>}
        {form.children.map((child, i) => {
          const derived = birthDateOf(child.hetu);
          return (
            <fieldset key={i} className="child" data-row={`child-${i}`}>
              <legend>{t('register.child', { n: i + 1 })}</legend>
              {unborn ? (
                <Field
                  label={t('detail.expectedBirth')}
                  type="date"
                  value={child.expectedBirthDate}
                  onChange={(e) => updateChild(i, { expectedBirthDate: e.target.value })}
                  error={required(child.expectedBirthDate)}
                  required
                />
              ) : (
                <div className="form-grid">
                  <Field
                    label={t('detail.firstName')}
                    value={child.firstName}
                    onChange={(e) => updateChild(i, { firstName: e.target.value })}
                    error={required(child.firstName)}
                    required
                  />
                  <Field
                    label={t('detail.lastName')}
                    value={child.lastName}
                    onChange={(e) => updateChild(i, { lastName: e.target.value })}
                    error={required(child.lastName)}
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
                  {derived ? (
                    // Read from the identity code: nothing to type, no tab stop.
                    <div className="field">
                      <span className="field-label">{t('detail.birthDate')}</span>
                      <output>{t('register.birthDateFromHetu', { date: formatDate(derived, i18n.language) })}</output>
                    </div>
                  ) : (
                    <Field
                      label={t('detail.birthDate')}
                      type="date"
                      value={child.birthDate}
                      onChange={(e) => updateChild(i, { birthDate: e.target.value })}
                    />
                  )}
                </div>
              )}
              {form.children.length > 1 && (
                <button type="button" onClick={() => patch({ children: form.children.filter((_, j) => j !== i) })}>
                  {t('register.removeChild', { n: i + 1 })}
                </button>
              )}
            </fieldset>
          );
        })}
        {form.children.length < 8 && (
          <button
            type="button"
            onClick={() => {
              patch({ children: [...form.children, { ...emptyChild, lastName: form.children[0]!.lastName }] });
              setFocusRow(`child-${form.children.length}`);
            }}
          >
            {t('register.addSibling')}
          </button>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('register.guardians')}</legend>
        {form.guardians.map((g, i) => (
          <fieldset key={i} className="child" data-row={`guardian-${i}`}>
            <legend>{t('register.guardian', { n: i + 1 })}</legend>
            <div className="form-grid">
              <Field
                label={t('register.guardianName')}
                value={g.name}
                onChange={(e) => updateGuardian(i, { name: e.target.value })}
                error={required(g.name)}
                required
              />
              <Field
                label={t('register.guardianPhone')}
                type="tel"
                value={g.phone}
                onChange={(e) => updateGuardian(i, { phone: e.target.value })}
              />
              <SelectField
                label={t('register.guardianLanguage')}
                value={g.language}
                onChange={(language) => updateGuardian(i, { language })}
                options={(['fi', 'sv', 'other'] as const).map((l) => [l, t(`advice.languages.${l}`)] as const)}
              />
            </div>
            <button type="button" onClick={() => patch({ guardians: form.guardians.filter((_, j) => j !== i) })}>
              {t('register.removeGuardian', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        {form.guardians.length < 4 && (
          <button
            type="button"
            onClick={() => {
              const language = i18n.language === 'sv' ? 'sv' : 'fi';
              patch({ guardians: [...form.guardians, { name: '', phone: '', language }] });
              setFocusRow(`guardian-${form.guardians.length}`);
            }}
          >
            {t('register.addGuardian')}
          </button>
        )}
      </fieldset>
      <ExistingCases
        found={existing}
        childrenNames={form.children.map((c) => `${c.firstName} ${c.lastName}`.trim())}
        linkTo={form.linkTo}
        onLink={(linkTo) => patch({ linkTo })}
      />
      <div className="field">
        <label htmlFor="reg-summary">{t('register.summary')}</label>
        <textarea id="reg-summary" rows={4} value={form.summary} onChange={(e) => patch({ summary: e.target.value })} />
      </div>
      <ErrorBanner error={error} />
      {confirmDiscard ? (
        <ConfirmBar
          question={t('register.discardQuestion')}
          confirmLabel={t('register.discard')}
          onConfirm={leave}
          onCancel={() => setConfirmDiscard(false)}
        />
      ) : (
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy} aria-keyshortcuts="Control+Enter">
            {t('register.submit')}
          </button>
          <span className="hint">{t('register.saveHint')}</span>
          <button type="button" onClick={() => (hasInput(form) ? setConfirmDiscard(true) : leave())}>
            {hasInput(form) ? t('register.discard') : t('register.cancel')}
          </button>
        </div>
      )}
    </form>
  );
}
