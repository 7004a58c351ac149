/**
 * What a handler is: one function per contract operation, given the caller's view of the county and the
 * signed-in user, and the zod-parsed input. Each area implements its slice in `main/areas/<area>/handlers.ts`.
 */
import type { AreaName, Contract, CurrentUser, OperationName, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { areaContracts } from '../../shared/contract';
import type { Core } from '../app/core';

export interface HandlerContext {
  core: Core;
  /** The signed-in user; null only for public operations. */
  user: CurrentUser | null;
}

export type Handler<K extends OperationName> = (ctx: HandlerContext, input: ParsedInputOf<K>) => Promise<OutputOf<K>>;

/** Exactly the operations of one area: a missing or extra handler is a compile error. */
export type AreaHandlers<A extends AreaName> = {
  [K in keyof (typeof areaContracts)[A] & keyof Contract]: Handler<K>;
};
