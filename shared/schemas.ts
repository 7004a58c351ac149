/** Small zod schemas every contract uses: a calendar date and a UI language. */
import { z } from 'zod';
import { isLocalDate } from './dates';

export const localDateSchema = z.string().refine(isLocalDate, 'a calendar date YYYY-MM-DD');

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;
