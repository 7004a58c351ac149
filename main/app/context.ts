/**
 * What a service uses of its caller (issue 17): the county's store and clock, the caller's actor and user,
 * and the unit of work that opens every transaction. Services take a Context, not the whole Core, so a
 * service cannot open a store, sign someone in or read another caller's session, and the county server can
 * hand them any object with these members. Store management (backups, settings) takes the Core it manages.
 */
import type { Core } from './core';

export type Context = Pick<Core, 'db' | 'now' | 'actor' | 'requireUser' | 'transact' | 'read' | 'unitOfWork' | 'audit'>;
