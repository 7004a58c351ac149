/**
 * The county's service directory (where a GUIDANCE decision sends a family) and its regional assessment
 * teams (where START_ASSESSMENT sends a case). Neither holds client data; changes are audited all the same.
 */
import { randomUUID } from 'node:crypto';
import type { GuidanceService, ServiceKind } from '../../../shared/contract/org';
import { invalidInput, LuukkuError } from '../../../shared/errors';
import type { Context } from '../../app/context';
import type { Db, GuidanceServicesTable } from '../../store/schema';
import { activeServiceIds, insertService, selectServices, updateService } from './queries';

const serviceOf = (r: Omit<GuidanceServicesTable, 'updated_at'>): GuidanceService => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  description: r.description,
  contact: r.contact,
  active: r.active === 1,
});

export async function listServices(
  db: Db,
  query: { text: string; includeInactive: boolean },
): Promise<GuidanceService[]> {
  return (await selectServices(db, query)).map(serviceOf);
}

export async function saveService(
  core: Context,
  input: {
    id?: string | undefined;
    name: string;
    kind: ServiceKind;
    description: string;
    contact: string;
    active: boolean;
  },
): Promise<GuidanceService> {
  const id = input.id ?? randomUUID();
  const values = {
    name: input.name,
    kind: input.kind,
    description: input.description,
    contact: input.contact,
    active: input.active ? 1 : 0,
    updated_at: core.now().toISOString(),
  };
  await core.transact(
    { actor: core.actor(), action: 'guidance.saveService', details: { serviceId: id, active: input.active } },
    async (trx) => {
      if (input.id) {
        if (!(await updateService(trx, id, values)))
          throw new LuukkuError('NOT_FOUND', 'No such service in the directory.');
      } else {
        await insertService(trx, { id, ...values });
      }
    },
  );
  return serviceOf({ id, ...values });
}

/** The services a GUIDANCE decision names must be in the directory and in use. */
export async function checkGuidedServices(db: Db, ids: readonly string[]): Promise<void> {
  const found = new Set(await activeServiceIds(db, ids));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw invalidInput(`serviceIds: ${missing.join(', ')} is not an active service in the directory`);
}
