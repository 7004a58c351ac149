import { useTranslation } from 'react-i18next';
import { passphraseStrength, passwordStrength } from '../../../shared/strength';

/**
 * How hard the typed recovery passphrase or password is to guess (shared/strength.ts, zxcvbn), as the
 * main process will judge it: "good" and "strong" are accepted, the rest refused.
 */
export function SecretStrength({
  value,
  kind,
  related = [],
}: {
  value: string;
  kind: 'passphrase' | 'password';
  /** The account's own names, which count against a password. */
  related?: string[];
}) {
  const { t } = useTranslation();
  const score = kind === 'passphrase' ? passphraseStrength(value) : passwordStrength(value, related);
  const labels = t('setup.strengthLabels', { returnObjects: true }) as string[];
  return (
    <div className="strength" data-score={score}>
      <div className="strength-bar" aria-hidden="true">
        {[1, 2, 3, 4].map((i) => (
          <span key={i} className={i <= score ? 'on' : ''} />
        ))}
      </div>
      <p aria-live="polite">{t('setup.strength', { label: labels[score] })}</p>
    </div>
  );
}
