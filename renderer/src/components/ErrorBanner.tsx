import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../shared/errors';
import { localizeInvalidInput } from '../validationText';

export function useErrorText(): (error: ErrorPayload) => string {
  const { t } = useTranslation();
  return (error) => {
    const message = error.code === 'INVALID_INPUT' ? localizeInvalidInput(error.message, t) : error.message;
    return t(`errors.${error.code}`, { ...error.params, message, defaultValue: message });
  };
}

export function ErrorBanner({ error }: { error: ErrorPayload | null }) {
  const text = useErrorText();
  return (
    <div role="alert" className={error ? 'banner banner-error' : 'sr-only'}>
      {error ? text(error) : ''}
    </div>
  );
}
