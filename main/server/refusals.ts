/**
 * How the county server refuses at its door (CSRF header, Origin, size, rate, no session): in the contract's
 * shape, and written to the server's log as what was refused and from where; never a body, a cookie or any
 * client data (the e2e suite greps the log for the names it typed).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export const refused = (code: string, message: string) => ({ ok: false, error: { code, message } });

/** The dispatcher's refusals that are also written to the server's log (a session missing, a role refused...). */
export const REFUSALS_LOGGED = new Set([
  'NOT_SIGNED_IN',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'BAD_CREDENTIALS',
  'RATE_LIMITED',
]);

export function logRefusal(request: FastifyRequest, why: string): void {
  const path = request.url.split('?')[0];
  console.warn(`[luukku] refused ${request.method} ${path} from ${request.ip}: ${why}`);
}

export function refuse(request: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string) {
  logRefusal(request, message);
  return reply.code(status).send(refused(code, message));
}
