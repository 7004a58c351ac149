import { useTranslation } from 'react-i18next';
import type { GenerateProgress } from '../../../../shared/contract/roster';

/** While the solver works: the phase, seconds so far, the gap to the proven optimum, and cancel. */
export function GenerateProgressBar({ progress, onCancel }: { progress: GenerateProgress; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <div className="generate-progress no-print">
      <progress aria-label={t('roster.solving')} />
      <span role="status">
        {t(`roster.phase.${progress?.phase ?? 'PREPARING'}`, {
          seconds: (progress?.seconds ?? 0).toLocaleString(language),
          gap:
            progress?.gap === null || progress?.gap === undefined
              ? '–'
              : (progress.gap * 100).toLocaleString(language, { maximumFractionDigits: 1 }),
        })}
      </span>
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
