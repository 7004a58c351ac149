/**
 * The UI's own texts (shared/i18n/*.json) for e2e tests, so a test reads what the user reads in Finnish and
 * Swedish rather than copies of it that drift.
 */
import { readFileSync } from 'node:fs';

export type UiLanguage = 'fi' | 'sv';

const texts = Object.fromEntries(
  (['fi', 'sv'] as const).map((l) => [l, JSON.parse(readFileSync(`shared/i18n/${l}.json`, 'utf8')) as object]),
);

/** The UI's text for `key` in `language`, with {{placeholders}} filled (formats such as ", number" ignored). */
export function tr(language: UiLanguage, key: string, values: Record<string, string> = {}): string {
  const found = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], texts[language]);
  if (typeof found !== 'string') throw new Error(`no text ${key}`);
  return found.replace(/\{\{(\w+)(, \w+)?\}\}/g, (_, name: string) => values[name] ?? '');
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const exactText = (text: string) => new RegExp(`^${escapeRegExp(text)}$`);

/** A pattern for the UI's text of `key`, each {{placeholder}} matching anything. */
export function textPattern(language: UiLanguage, key: string, prefix = ''): RegExp {
  const marker = '\u0000';
  const text = tr(language, key, new Proxy({}, { get: () => marker }) as Record<string, string>);
  return new RegExp(prefix + text.split(marker).map(escapeRegExp).join('.*'));
}
