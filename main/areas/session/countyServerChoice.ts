/**
 * The desktop app's first start on a county server (issue 20 item 4): instead of creating a store of its own,
 * the user names the county's server, compares the fingerprint of the certificate it presents with the one
 * county IT gave, and confirms. The app then records the server with that certificate pinned
 * (`county-server.json`) and starts again as its client. Only before any store exists on the workstation, and
 * only in the desktop app (a county server or a test has no such choice).
 */
import { LuukkuError } from '../../../shared/errors';
import type { Core } from '../../app/core';
import { fetchServerCertificate } from '../../client/countyServerClient';
import { writeCountyServerConfig } from '../../client/countyServerConfig';

function choice(core: Core) {
  const hook = core.county.options.countyServerChoice;
  if (!hook)
    throw new LuukkuError(
      'WRONG_STATE',
      'Only the desktop app is set to use a county server, at its first start.',
      undefined,
      'desktopOnly',
    );
  if (core.county.storePhase() !== 'SETUP')
    throw new LuukkuError(
      'WRONG_STATE',
      'This workstation already has a Luukku store: it cannot be switched to a county server here.',
      undefined,
      'storeExists',
    );
  return hook;
}

async function certificateOf(url: string) {
  try {
    return await fetchServerCertificate(url);
  } catch {
    throw new LuukkuError(
      'NO_CONNECTION',
      `No Luukku server answered at ${url}. Check the address county IT gave.`,
      { url },
      'serverUnreachable',
    );
  }
}

export async function probeCountyServer(core: Core, input: { url: string }) {
  choice(core);
  const url = new URL(input.url).origin;
  return { url, fingerprint: (await certificateOf(url)).fingerprint };
}

export async function useCountyServer(core: Core, input: { url: string; fingerprint: string }): Promise<null> {
  const hook = choice(core);
  const url = new URL(input.url).origin;
  const seen = await certificateOf(url);
  // What is pinned is what the user confirmed: a certificate that changed in between is not taken.
  if (seen.fingerprint !== input.fingerprint)
    throw new LuukkuError(
      'CONFLICT',
      'The server now presents another certificate than the one you confirmed. Nothing was saved: ask county IT.',
      undefined,
      'serverCertificateMismatch',
    );
  writeCountyServerConfig(hook.configPath, { url, certificate: seen.certificate });
  hook.restart();
  return null;
}
