/**
 * Schemas of what the triage decision points at: the county's service directory (GUIDANCE), the regional
 * assessment teams (START_ASSESSMENT), and the letters to guardians with their county-edited templates.
 */
import { z } from 'zod';
import { ANY_ROLE, MANAGERS } from '../roles';
import { none, op } from './op';
import { saveClosureDaySchema } from './roster';

export const SERVICE_KINDS = ['PUBLIC', 'PRIVATE', 'THIRD_SECTOR'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const guidanceServiceSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(SERVICE_KINDS),
  description: z.string(),
  contact: z.string(),
  active: z.boolean(),
});
export type GuidanceService = z.infer<typeof guidanceServiceSchema>;

export const serviceQuerySchema = z
  .object({
    text: z.string().trim().max(100).default(''),
    includeInactive: z.boolean().default(false),
  })
  .strict();

export const saveServiceSchema = z
  .object({
    /** Absent for a new service. */
    id: z.string().max(64).optional(),
    name: z.string().trim().min(1, 'required').max(200),
    kind: z.enum(SERVICE_KINDS),
    description: z.string().trim().max(2000).default(''),
    contact: z.string().trim().max(300).default(''),
    active: z.boolean().default(true),
  })
  .strict();
export type SaveServiceInput = z.input<typeof saveServiceSchema>;

export const teamSchema = z.object({ id: z.string(), name: z.string(), areaId: z.string().nullable() });
export type Team = z.infer<typeof teamSchema>;

export const orgOperations = {
  'org.closureDay': op({ input: saveClosureDaySchema, output: z.null(), access: MANAGERS }),
  'org.teams': op({ input: none, output: z.array(teamSchema), access: ANY_ROLE }),
  'org.areas': op({
    input: none,
    output: z.array(z.object({ id: z.string(), nameFi: z.string(), nameSv: z.string() })),
    access: ANY_ROLE,
  }),
  'org.municipalities': op({
    input: none,
    output: z.array(z.object({ id: z.string(), nameFi: z.string(), nameSv: z.string(), areaId: z.string() })),
    access: ANY_ROLE,
  }),
  'guidance.services': op({ input: serviceQuerySchema, output: z.array(guidanceServiceSchema), access: ANY_ROLE }),
  'guidance.saveService': op({ input: saveServiceSchema, output: guidanceServiceSchema, access: MANAGERS }),
} as const;
