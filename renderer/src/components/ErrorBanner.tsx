import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../shared/errors';
import { errorText } from '../errorText';

export function useErrorText(): (error: ErrorPayload) => string {
  const { t, i18n } = useTranslation();
  return (error) => errorText(t, i18n.language, error);
}

export function ErrorBanner({ error }: { error: ErrorPayload | null }) {
  const text = useErrorText();
  return (
    <div role="alert" className={error ? 'banner banner-error' : 'sr-only'}>
      {error ? text(error) : ''}
    </div>
  );
}
