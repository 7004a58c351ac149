import { useTranslation } from 'react-i18next';
import { passphraseStrength } from '../../../shared/passphrase';

export function PassphraseStrength({ passphrase }: { passphrase: string }) {
  const { t } = useTranslation();
  const score = passphraseStrength(passphrase);
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
