import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/passphrase';
import { isAcceptablePassphrase } from '../../../../shared/strength';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { LeadAccountFields, normalizedLead, type LeadAccount } from '../../components/LeadAccountFields';
import { SecretStrength } from '../../components/SecretStrength';
import { useApp } from '../../state/appStore';
import { api } from '../../api';
import { CountyServerForm } from './CountyServerForm';

/**
 * First run: this workstation's own encrypted store, its recovery passphrase (typed twice, strength shown) and
 * the first lead; or, in a county whose team works on the county server, that server (CountyServerForm).
 */
export function SetupView() {
  const { t } = useTranslation();
  const [where, setWhere] = useState<'LOCAL' | 'SERVER'>('LOCAL');
  return (
    <AuthLayout title={t('setup.title')}>
      <fieldset>
        <legend>{t('setup.where')}</legend>
        {(['LOCAL', 'SERVER'] as const).map((choice) => (
          <label key={choice} className="radio">
            <input
              type="radio"
              name="setup-where"
              value={choice}
              checked={where === choice}
              onChange={() => setWhere(choice)}
            />
            {t(choice === 'LOCAL' ? 'setup.whereLocal' : 'setup.whereServer')}
          </label>
        ))}
      </fieldset>
      {where === 'LOCAL' ? <LocalStoreForm /> : <CountyServerForm />}
    </AuthLayout>
  );
}

function LocalStoreForm() {
  const { t, i18n } = useTranslation();
  const { busy, error, transition } = useApp();
  // The county's name as the reader's language has it (Östra Nyland in Swedish), until the user types one.
  const [countyName, setCountyName] = useState(() => t('setup.countyDefault'));
  const [countyTyped, setCountyTyped] = useState(false);
  useEffect(() => {
    if (!countyTyped) setCountyName(t('setup.countyDefault'));
  }, [i18n.language, countyTyped, t]);
  const [passphrase, setPassphrase] = useState('');
  const [passphraseRepeat, setPassphraseRepeat] = useState('');
  const [lead, setLead] = useState<LeadAccount>({ displayName: '', username: '', password: '' });
  const [submitted, setSubmitted] = useState(false);
  const mismatch = passphraseRepeat.length > 0 && passphrase !== passphraseRepeat;
  const weak = passphrase.length > 0 && !isAcceptablePassphrase(passphrase);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (mismatch || !isAcceptablePassphrase(passphrase)) return;
    await transition(() =>
      api.setup.createStore({
        passphrase,
        passphraseRepeat,
        countyName,
        lead: normalizedLead(lead),
      }),
    );
  };

  return (
    <>
      <p>{t('setup.intro')}</p>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <Field
          label={t('setup.county')}
          value={countyName}
          onChange={(e) => {
            setCountyTyped(true);
            setCountyName(e.target.value);
          }}
          required
          autoComplete="organization"
        />
        <fieldset>
          <legend>{t('setup.passphrase')}</legend>
          <Field
            label={t('setup.passphrase')}
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            hint={t('setup.passphraseHint')}
            error={submitted && weak ? t('errors.WEAK_PASSPHRASE') : null}
            minLength={MIN_PASSPHRASE_LENGTH}
            autoComplete="new-password"
            required
            autoFocus
          />
          <SecretStrength value={passphrase} kind="passphrase" />
          <Field
            label={t('setup.passphraseRepeat')}
            type="password"
            value={passphraseRepeat}
            onChange={(e) => setPassphraseRepeat(e.target.value)}
            error={mismatch ? t('setup.mismatch') : null}
            autoComplete="new-password"
            required
          />
        </fieldset>
        <fieldset>
          <legend>{t('setup.leadTitle')}</legend>
          <LeadAccountFields value={lead} onChange={setLead} />
        </fieldset>
        <ErrorBanner error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('setup.creating') : t('setup.create')}
        </button>
      </form>
    </>
  );
}
