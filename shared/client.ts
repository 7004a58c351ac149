/**
 * The typed client the renderer calls as `window.luukku.<area>.<op>(input)`, generated from the contract.
 * The preload builds it over ipcRenderer.invoke; the e2e harness over Playwright's exposed function.
 */
import { contract, type Contract, type InputOf, type OperationName, type OutputOf } from './contract';
import type { Result } from './errors';

type Split<K extends string> = K extends `${infer A}.${infer B}` ? [A, B] : never;
type Areas = Split<OperationName>[0];
type OpsOf<A extends string> = Extract<OperationName, `${A}.${string}`>;
type OpPart<K extends OperationName> = Split<K>[1];

export type LuukkuApi = {
  [A in Areas]: {
    // An operation whose input has no required field can be called without one.
    [K in OpsOf<A> as OpPart<K>]: Record<never, never> extends InputOf<K>
      ? (input?: InputOf<K>) => Promise<Result<OutputOf<K>>>
      : (input: InputOf<K>) => Promise<Result<OutputOf<K>>>;
  };
};

export type Invoke = (name: OperationName, input: unknown) => Promise<Result<unknown>>;

export function createClient(invoke: Invoke): LuukkuApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of Object.keys(contract) as (keyof Contract)[]) {
    const [area, part] = name.split('.') as [string, string];
    api[area] ??= {};
    api[area][part] = (input?: unknown) => invoke(name, input ?? {});
  }
  return api as unknown as LuukkuApi;
}
