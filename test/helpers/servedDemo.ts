/** A demo county served over HTTPS by the real county server, started for each test and closed after it. */
import { afterEach, beforeEach } from 'vitest';
import { listen, type RunningServer } from '../../main/server/listen';
import { useDemoCore } from './core';
import { signInOverHttps } from './https';
import { DEMO_PASSWORD } from './stores';

export function useServedDemo(cases: number) {
  const app = useDemoCore(cases);
  let current: RunningServer | null = null;
  beforeEach(async () => {
    current = await listen({ county: app.core.county, version: 't', port: 0 });
  });
  afterEach(async () => {
    await current?.close();
    current = null;
  });
  return {
    app,
    /** This test's server. */
    get server(): RunningServer {
      return current!;
    },
    /** Signs the demo's first user of `role` in over HTTPS: the session cookie. */
    signIn: (role: string) => signInOverHttps(current!, app.userOf(role).username, DEMO_PASSWORD),
  };
}
