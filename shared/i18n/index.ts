import en from './en.json';
import fi from './fi.json';
import sv from './sv.json';

/** UI text in Finnish (default), Swedish and English: the renderer and the native menu read the same files. */
export const resources = { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } } as const;
export type Messages = typeof fi;
export const DEFAULT_LANGUAGE = 'fi';
