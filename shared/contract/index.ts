/**
 * The IPC contract: every operation that crosses the bridge, declared once with its zod input, zod output
 * and the roles allowed to call it (docs/architecture.md, "IPC"). Each area declares its slice in
 * `shared/contract/<area>.ts`; this file joins them. The preload client and the main-process handlers are
 * generated from the joined object; nothing else crosses.
 */
import type { z } from 'zod';
import { adviceOperations } from './advice';
import { assessmentOperations } from './assessment';
import { backupsOperations } from './backups';
import { casesOperations } from './cases';
import { orgOperations } from './org';
import { reportsOperations } from './reports';
import { rosterOperations } from './roster';
import { sessionOperations } from './session';
import { settingsOperations } from './settings';
import { staffOperations } from './staff';
import { teamOperations } from './team';

export * from './op';
export * from './session';
export * from './settings';
export * from './advice';
export * from './backups';
export { overviewSchema, rosterSchema, type Overview, type Roster } from './roster';
export { languageSchema, type Language } from '../schemas';

/** The areas, each with its slice: `main/areas/<area>/handlers.ts` implements exactly that slice. */
export const areaContracts = {
  session: sessionOperations,
  cases: casesOperations,
  assessment: assessmentOperations,
  roster: rosterOperations,
  staff: staffOperations,
  team: teamOperations,
  org: orgOperations,
  reports: reportsOperations,
  advice: adviceOperations,
  backups: backupsOperations,
  settings: settingsOperations,
} as const;
export type AreaName = keyof typeof areaContracts;

export const contract = {
  ...sessionOperations,
  ...casesOperations,
  ...assessmentOperations,
  ...rosterOperations,
  ...staffOperations,
  ...teamOperations,
  ...orgOperations,
  ...reportsOperations,
  ...adviceOperations,
  ...backupsOperations,
  ...settingsOperations,
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type InputOf<K extends OperationName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends OperationName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends OperationName> = z.output<Contract[K]['output']>;

export const operationNames = Object.keys(contract) as OperationName[];
export const channelOf = (name: OperationName): string => `luukku:${name}`;
