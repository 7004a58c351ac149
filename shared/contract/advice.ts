/** The advice area's slice of the contract: the anonymous advice-line log. */
import { z } from 'zod';
import { ADVICE_CHANNELS, ADVICE_GUIDED_TO, ADVICE_LANGUAGES, ADVICE_TOPICS } from '../caseTypes';
import { CLIENT_ROLES } from '../roles';
import { none, op } from './op';

const adviceTodaySchema = z.object({
  today: z.number().int(),
  mine: z.array(
    z.object({
      id: z.number().int(),
      at: z.string(),
      channel: z.enum(ADVICE_CHANNELS),
      language: z.enum(ADVICE_LANGUAGES),
      topic: z.enum(ADVICE_TOPICS),
      guidedTo: z.enum(ADVICE_GUIDED_TO),
      undoable: z.boolean(),
    }),
  ),
});
export type AdviceToday = z.infer<typeof adviceTodaySchema>;

export const adviceOperations = {
  'advice.today': op({ input: none, output: adviceTodaySchema, access: CLIENT_ROLES }),
  'advice.log': op({
    input: z
      .object({
        channel: z.enum(ADVICE_CHANNELS),
        language: z.enum(ADVICE_LANGUAGES),
        topic: z.enum(ADVICE_TOPICS),
        guidedTo: z.enum(ADVICE_GUIDED_TO),
      })
      .strict(),
    output: adviceTodaySchema,
    access: CLIENT_ROLES,
  }),
  'advice.undo': op({
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: adviceTodaySchema,
    access: CLIENT_ROLES,
  }),
} as const;
