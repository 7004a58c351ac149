/**
 * An error as the user reads it. A refusal with a `key` (shared/errors.ts) has its own wording under
 * `errors.messages`; otherwise the code's wording, with the main process's English message (bad input
 * translated field by field, validationText.ts) where the code has none.
 */
import type { TFunction } from 'i18next';
import type { ErrorPayload } from '../../shared/errors';
import { formatDate } from './format';
import { localizeInvalidInput } from './validationText';

export function errorText(t: TFunction, language: string, error: ErrorPayload): string {
  if (error.key && t(`errors.messages.${error.key}`, { defaultValue: '' })) {
    const values: Record<string, string | number> = { ...error.params };
    if (typeof values.date === 'string') values.date = formatDate(values.date, language);
    // A text key among the values (a duty's name, a broken rule's wording) is filled with the same values;
    // twice, so that one such text can use another (the rule names the duty).
    const keys = Object.entries(error.params ?? {}).filter(
      ([name, v]) => name.endsWith('Key') && typeof v === 'string',
    );
    for (let pass = 0; pass < 2; pass++)
      for (const [name, value] of keys) values[name.slice(0, -3)] = t(String(value), values);
    return t(`errors.messages.${error.key}`, values);
  }
  const message = error.code === 'INVALID_INPUT' ? localizeInvalidInput(error.message, t) : error.message;
  return t(`errors.${error.code}`, { ...error.params, message, defaultValue: message });
}
