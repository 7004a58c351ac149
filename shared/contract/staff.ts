/** The staff area's slice of the contract: the workers on the duty roster, their absences and wishes. */
import { z } from 'zod';
import { ANY_ROLE, ROSTER_EDITORS } from '../roles';
import { op } from './op';
import {
  addAbsenceSchema,
  dateRangeSchema,
  saveStaffSchema,
  staffDirectorySchema,
  staffSchema,
  wishSchema,
} from './roster';

export const staffOperations = {
  'staff.directory': op({ input: dateRangeSchema, output: staffDirectorySchema, access: ANY_ROLE }),
  'staff.save': op({ input: saveStaffSchema, output: staffSchema, access: ROSTER_EDITORS }),
  'staff.addAbsence': op({
    input: addAbsenceSchema,
    output: z.object({ absenceId: z.number().int(), heldDuties: z.number().int() }),
    access: ROSTER_EDITORS,
  }),
  'staff.removeAbsence': op({
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.null(),
    access: ROSTER_EDITORS,
  }),
  'staff.wish': op({ input: wishSchema, output: z.null(), access: ROSTER_EDITORS }),
} as const;
