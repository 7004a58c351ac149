/**
 * One handler per contract operation, gathered from the areas. The type makes a missing or extra handler a
 * compile error, so the contract stays the single list of what crosses the bridge.
 */
import type { OperationName } from '../../shared/contract';
import { adviceHandlers } from '../areas/advice/handlers';
import { assessmentHandlers } from '../areas/assessment/handlers';
import { backupsHandlers } from '../areas/backups/handlers';
import { casesHandlers } from '../areas/cases/handlers';
import { orgHandlers } from '../areas/org/handlers';
import { reportsHandlers } from '../areas/reports/handlers';
import { rosterHandlers } from '../areas/roster/handlers';
import { sessionHandlers } from '../areas/session/handlers';
import { settingsHandlers } from '../areas/settings/handlers';
import { staffHandlers } from '../areas/staff/handlers';
import { teamHandlers } from '../areas/team/handlers';
import type { Handler } from './handler';

export type { HandlerContext } from './handler';

export type Handlers = { [K in OperationName]: Handler<K> };

export const handlers: Handlers = {
  ...sessionHandlers,
  ...casesHandlers,
  ...rosterHandlers,
  ...staffHandlers,
  ...teamHandlers,
  ...orgHandlers,
  ...reportsHandlers,
  ...adviceHandlers,
  ...assessmentHandlers,
  ...backupsHandlers,
  ...settingsHandlers,
};
