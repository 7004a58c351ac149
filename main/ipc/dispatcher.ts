/**
 * The one entry for every IPC call, whatever the transport (Electron's ipcMain, the e2e harness):
 * known operation, zod-parsed input, session and role, then the handler; errors become `{code, message}`.
 */
import type { z } from 'zod';
import { contract, type OperationName } from '../../shared/contract';
import { invalidInput, LuukkuError, Refusal, type ErrorPayload, type Result } from '../../shared/errors';
import type { Core } from '../app/core';
import type { CurrentUser } from '../../shared/contract';
import { handlers } from './handlers';
import { storageError } from '../store/storageErrors';

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** What a user whose password a lead reset may do before choosing their own. */
const BEFORE_NEW_PASSWORD = new Set<OperationName>(['session.changePassword', 'session.signOut']);

const isOperation = (name: unknown): name is OperationName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

export async function dispatch(core: Core, name: unknown, rawInput: unknown): Promise<Result<unknown>> {
  try {
    if (!isOperation(name)) {
      throw new LuukkuError('UNKNOWN_OPERATION', `Unknown operation ${JSON.stringify(String(name)).slice(0, 80)}.`);
    }
    const spec = contract[name];
    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) throw invalidInput(describeIssues(parsed.error));
    let user: CurrentUser | null = null;
    if (spec.access !== 'public') {
      user = await core.requireUser();
      if (!spec.access.includes(user.role)) throw new Refusal('Your role does not allow this action.', 'role');
      if (user.mustChangePassword && !BEFORE_NEW_PASSWORD.has(name))
        throw new Refusal('Choose a new password first: a team lead reset yours.', 'password change pending');
    }
    const handler = handlers[name] as (
      ctx: { core: Core; user: CurrentUser | null },
      input: unknown,
    ) => Promise<unknown>;
    const value = await handler({ core, user }, parsed.data);
    return { ok: true, value: spec.output.parse(value) };
  } catch (error) {
    if (error instanceof Refusal) {
      await core.audit({
        actor: core.actor(),
        action: String(name),
        outcome: 'REFUSED',
        ...(error.caseId ? { caseId: error.caseId } : {}),
        details: { reason: error.reason },
      });
    }
    return { ok: false, error: toPayload(error) };
  }
}

export function toPayload(error: unknown): ErrorPayload {
  if (error instanceof LuukkuError)
    return {
      code: error.code,
      message: error.message,
      ...(error.params && { params: error.params }),
      ...(error.key && { key: error.key }),
    };
  const storage = storageError(error);
  if (storage) return { code: storage.code, message: storage.message };
  // Internal details (and any client data in them) stay in the main process.
  console.error('[luukku] internal error', error instanceof Error ? error.stack : error);
  return { code: 'INTERNAL', message: 'Something went wrong inside Luukku. Nothing was saved. Please try again.' };
}
