/**
 * What every slice of the contract is made of (docs/architecture.md, "IPC"): an operation is its zod input,
 * its zod output and the roles allowed to call it. Each area declares its operations in its own file;
 * `shared/contract/index.ts` joins them into the one contract.
 */
import { z } from 'zod';
import type { Role } from '../roles';

export type Access = 'public' | readonly Role[];

export interface OperationSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** 'public': callable without a session (status, first run, unlock, sign-in). */
  access: Access;
  /** Why the data is used, recorded in the audit log for client-data reads (703/2023 § 10). */
  purpose?: string;
}

export const op = <I extends z.ZodType, O extends z.ZodType>(spec: OperationSpec<I, O>) => spec;

/** Trimmed text of at most `max` characters. */
export const text = (max: number) => z.string().trim().max(max);
/** The input of an operation that takes none. */
export const none = z.object({}).strict();
