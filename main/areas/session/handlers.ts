/**
 * The session area's handlers, one per operation of its slice of the contract (shared/contract/session.ts):
 * `app.status`, `setup.createStore`, `setup.createFirstLead`, `setup.probeServer`, `setup.useServer`, `store.unlock`, `session.signIn`, `session.signOut`, `session.changePassword`, `sessions.list`, `sessions.end`, `ui.setLanguage`.
 */
import type { AreaHandlers } from '../../ipc/handler';
import { endServerSessionAsLead, listServerSessions } from './serverSessions';
import { probeCountyServer, useCountyServer } from './countyServerChoice';

export const sessionHandlers: AreaHandlers<'session'> = {
  'app.status': async ({ core }) => core.status(),
  'setup.createStore': async ({ core }, input) =>
    core.createStore({ passphrase: input.passphrase, countyName: input.countyName, lead: input.lead }),
  'setup.createFirstLead': async ({ core }, input) => core.createFirstLead(input),
  'setup.probeServer': async ({ core }, input) => probeCountyServer(core, input),
  'setup.useServer': async ({ core }, input) => useCountyServer(core, input),
  'store.unlock': async ({ core }, input) => core.unlock(input.passphrase),
  'session.signIn': async ({ core }, input) => core.signIn(input.username, input.password),
  'session.signOut': async ({ core }, input) => core.signOut(input.reason),
  'session.changePassword': async ({ core }, input) => core.changePassword(input.current, input.next),
  'sessions.list': async ({ core }) => listServerSessions(core),
  'sessions.end': async ({ core }, { id }) => endServerSessionAsLead(core, id),
  'ui.setLanguage': async ({ core }, input) => {
    core.setLanguage(input.language);
    return null;
  },
};
