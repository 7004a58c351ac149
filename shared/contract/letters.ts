/** The letters of the cases area: templates, the letters to families and their PDFs (operations in cases.ts). */
import { z } from 'zod';
import { parseLocalDate } from '../dates';

/**
 * The notice to guardians, the decision letter, the notice to a child of 12 or more, the assessment's summary
 * (yhteenveto), the notice that child welfare support started the client relationship (LsL 27 §), and the
 * request for anonymous customer feedback after the assessment.
 */
export const LETTER_KINDS = [
  'RECEIPT_NOTICE',
  'DECISION',
  'CHILD_NOTICE',
  'SUMMARY',
  'SUPPORT_NOTICE',
  'FEEDBACK_REQUEST',
] as const;
/** From this age a child gets the notice too, in words a child understands. */
export const CHILD_NOTICE_MIN_AGE = 12;

/** Whether the child has turned CHILD_NOTICE_MIN_AGE by `today` (a birthday counts from its day). */
export function childOldEnough(birthDate: string | null, today: string): boolean {
  if (!birthDate) return false;
  const b = parseLocalDate(birthDate);
  const d = parseLocalDate(today);
  const age = d.year - b.year - (d.month < b.month || (d.month === b.month && d.day < b.day) ? 1 : 0);
  return age >= CHILD_NOTICE_MIN_AGE;
}

export type LetterKind = (typeof LETTER_KINDS)[number];
export const LETTER_LANGUAGES = ['fi', 'sv'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

/** The placeholders a template may use; anything else in double braces is refused when saving. */
export const LETTER_PLACEHOLDERS = [
  'county',
  'recipient',
  'child',
  'childBirthDate',
  'receivedDate',
  'startDue',
  'statute',
  'completeDue',
  'decision',
  'decisionDate',
  'decisionReason',
  'services',
  'team',
  'urgentNote',
  'worker',
  'today',
  'situation',
  'childView',
  'supportNeed',
  'servicesAgreed',
  'childWelfareConclusion',
  'supports',
  'clientSince',
  'feedbackCode',
] as const;

export const letterTemplateSchema = z.object({
  kind: z.enum(LETTER_KINDS),
  language: z.enum(LETTER_LANGUAGES),
  body: z.string(),
  /** Null while the built-in default is in use. */
  updatedAt: z.string().nullable(),
});
export type LetterTemplate = z.infer<typeof letterTemplateSchema>;

export const saveTemplateSchema = z
  .object({
    kind: z.enum(LETTER_KINDS),
    language: z.enum(LETTER_LANGUAGES),
    body: z
      .string()
      .trim()
      .min(20, 'the letter needs its text')
      .max(20_000)
      .refine((body) => unknownPlaceholders(body).length === 0, {
        message: `use only the placeholders ${LETTER_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ')}`,
      }),
  })
  .strict();

export function unknownPlaceholders(body: string): string[] {
  const known = new Set<string>(LETTER_PLACEHOLDERS);
  return [...body.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]!).filter((name) => !known.has(name));
}

export const createLetterSchema = z
  .object({
    caseId: z.string().min(1).max(64),
    kind: z.enum(LETTER_KINDS),
    language: z.enum(LETTER_LANGUAGES),
    recipient: z.string().trim().min(1, 'who is the letter to').max(200),
  })
  .strict();
export type CreateLetterInput = z.input<typeof createLetterSchema>;

export const letterSummarySchema = z.object({
  id: z.number().int(),
  kind: z.enum(LETTER_KINDS),
  language: z.enum(LETTER_LANGUAGES),
  recipient: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type LetterSummary = z.infer<typeof letterSummarySchema>;

export const letterFileSchema = z.object({ fileName: z.string(), pdfBase64: z.string() });
