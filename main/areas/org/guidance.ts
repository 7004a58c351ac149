/**
 * The county's service directory (where a GUIDANCE decision sends a family) and its regional assessment
 * teams (where START_ASSESSMENT sends a case). Neither holds client data; changes are audited all the same.
 */
import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { GuidanceService, ServiceKind, Team } from '../../../shared/contract/org';
import { invalidInput, LuukkuError } from '../../../shared/errors';
import type { Core } from '../../app/core';
import type { Database, GuidanceServicesTable } from '../../store/schema';

const serviceOf = (r: Omit<GuidanceServicesTable, 'updated_at'>): GuidanceService => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  description: r.description,
  contact: r.contact,
  active: r.active === 1,
});

export async function listServices(
  db: Kysely<Database>,
  query: { text: string; includeInactive: boolean },
): Promise<GuidanceService[]> {
  let q = db.selectFrom('guidance_services').selectAll();
  if (!query.includeInactive) q = q.where('active', '=', 1);
  if (query.text) {
    // A substring match without LIKE: "%" and "_" typed by the user are text, not wildcards. Both sides go
    // through SQLite's lower(), which (like LIKE) folds ASCII only, so "Äiti" still finds "Äitiysneuvola".
    const contains = (column: 'name' | 'description') => (eb: ExpressionBuilder<Database, 'guidance_services'>) =>
      eb(eb.fn('instr', [eb.fn('lower', [column]), eb.fn('lower', [eb.val(query.text)])]), '>', 0);
    q = q.where((eb) => eb.or([contains('name')(eb), contains('description')(eb)]));
  }
  const rows = await q.orderBy('name').limit(500).execute();
  return rows.map(serviceOf);
}

export async function saveService(
  core: Core,
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
        const updated = await trx.updateTable('guidance_services').set(values).where('id', '=', id).executeTakeFirst();
        if (!updated.numUpdatedRows) throw new LuukkuError('NOT_FOUND', 'No such service in the directory.');
      } else {
        await trx
          .insertInto('guidance_services')
          .values({ id, ...values })
          .execute();
      }
    },
  );
  return serviceOf({ id, ...values });
}

/** The services a GUIDANCE decision names must be in the directory and in use. */
export async function checkGuidedServices(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const found = await db
    .selectFrom('guidance_services')
    .select('id')
    .where('id', 'in', ids)
    .where('active', '=', 1)
    .execute();
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw invalidInput(`serviceIds: ${missing.join(', ')} is not an active service in the directory`);
}

export async function listTeams(db: Kysely<Database>): Promise<Team[]> {
  return db.selectFrom('teams').select(['id', 'name', 'area_id as areaId']).orderBy('name').execute();
}

export async function listAreas(db: Kysely<Database>): Promise<{ id: string; nameFi: string; nameSv: string }[]> {
  return db.selectFrom('areas').select(['id', 'name_fi as nameFi', 'name_sv as nameSv']).orderBy('name_fi').execute();
}

export async function listMunicipalities(db: Kysely<Database>) {
  return db
    .selectFrom('municipalities')
    .select(['id', 'name_fi as nameFi', 'name_sv as nameSv', 'area_id as areaId'])
    .orderBy('name_fi')
    .execute();
}
