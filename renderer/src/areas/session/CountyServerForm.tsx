import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../shared/errors';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { api } from '../../api';

/**
 * The desktop app's first start on the county's server (issue 20 item 4): the address county IT gave, the
 * fingerprint of the certificate the server presents, shown to compare with the one county IT gave, and only
 * then the choice; the app then starts again as the server's client, with no store on this workstation.
 */
export function CountyServerForm() {
  const { t } = useTranslation();
  const [url, setUrl] = useState('https://');
  const [probed, setProbed] = useState<{ url: string; fingerprint: string } | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const probe = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setProbed(null);
    const result = await api.setup.probeServer({ url: url.trim() });
    setBusy(false);
    if (result.ok) setProbed(result.value);
    else setError(result.error);
  };
  const confirm = async () => {
    if (!probed) return;
    setBusy(true);
    setError(null);
    const result = await api.setup.useServer(probed);
    setBusy(false);
    if (result.ok) setDone(true);
    else setError(result.error);
  };

  return (
    <form onSubmit={probe} noValidate aria-busy={busy}>
      <p>{t('setup.server.intro')}</p>
      <Field
        label={t('setup.server.url')}
        hint={t('setup.server.urlHint')}
        type="url"
        value={url}
        onChange={(e) => {
          setUrl(e.target.value);
          setProbed(null);
        }}
        autoComplete="url"
        required
        autoFocus
      />
      <button type="submit" disabled={busy || done}>
        {t('setup.server.probe')}
      </button>
      {probed && (
        <section className="fingerprint" aria-labelledby="server-fingerprint">
          <h2 id="server-fingerprint">{t('setup.server.fingerprintTitle')}</h2>
          <p>{t('setup.server.compare', { url: probed.url })}</p>
          <p>
            <code>{probed.fingerprint}</code>
          </p>
          <button type="button" className="primary" onClick={() => void confirm()} disabled={busy || done}>
            {t('setup.server.confirm')}
          </button>
        </section>
      )}
      <ErrorBanner error={error} />
      <p role="status" className={done ? 'banner' : 'sr-only'}>
        {done ? t('setup.server.restarting') : ''}
      </p>
    </form>
  );
}
