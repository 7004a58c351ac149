import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../shared/errors';

export function useErrorText(): (error: ErrorPayload) => string {
  const { t } = useTranslation();
  return (error) => t(`errors.${error.code}`, { message: error.message, defaultValue: error.message });
}

export function ErrorBanner({ error }: { error: ErrorPayload | null }) {
  const text = useErrorText();
  return (
    <div role="alert" className={error ? 'banner banner-error' : 'sr-only'}>
      {error ? text(error) : ''}
    </div>
  );
}
