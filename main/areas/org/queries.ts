/** The org area's SQL: the service directory, the regional teams, the areas and the municipalities. */
import type { Insertable, Updateable } from 'kysely';
import { containsFolded } from '../../store/engine';
import type { Team } from '../../../shared/contract/org';
import type { Db, GuidanceServicesTable } from '../../store/schema';

export async function selectServices(db: Db, query: { text: string; includeInactive: boolean }) {
  let q = db.selectFrom('guidance_services').selectAll();
  if (!query.includeInactive) q = q.where('active', '=', 1);
  if (query.text) {
    // A substring match without LIKE ("%" and "_" typed are text), folded alike on both engines, so "aiti"
    // and "ÄITI" find "Äitiysneuvola".
    const contains = (column: 'name' | 'description') => containsFolded(db, column, query.text);
    q = q.where((eb) => eb.or([contains('name'), contains('description')]));
  }
  return q.orderBy('name').orderBy('id').limit(500).execute();
}

/** Whether a service of that id was there to update. */
export async function updateService(db: Db, id: string, values: Updateable<GuidanceServicesTable>): Promise<boolean> {
  const updated = await db.updateTable('guidance_services').set(values).where('id', '=', id).executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

export async function insertService(db: Db, row: Insertable<GuidanceServicesTable>): Promise<void> {
  await db.insertInto('guidance_services').values(row).execute();
}

/** The name of a service in the directory and in use, or nothing. */
export async function activeServiceName(db: Db, id: string) {
  return db
    .selectFrom('guidance_services')
    .select('name')
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
}

/** Which of `ids` are services in the directory and in use. */
export async function activeServiceIds(db: Db, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('guidance_services')
    .select('id')
    .where('id', 'in', ids)
    .where('active', '=', 1)
    .execute();
  return rows.map((r) => r.id);
}

export async function listTeams(db: Db): Promise<Team[]> {
  return db.selectFrom('teams').select(['id', 'name', 'area_id as areaId']).orderBy('name').execute();
}

export async function listAreas(db: Db): Promise<{ id: string; nameFi: string; nameSv: string }[]> {
  return db.selectFrom('areas').select(['id', 'name_fi as nameFi', 'name_sv as nameSv']).orderBy('name_fi').execute();
}

export async function listMunicipalities(db: Db) {
  return db
    .selectFrom('municipalities')
    .select(['id', 'name_fi as nameFi', 'name_sv as nameSv', 'area_id as areaId'])
    .orderBy('name_fi')
    .execute();
}

/** Which of an area and a team exist; each null when it was not asked for or is not there. */
export async function findAreaAndTeam(db: Db, areaId: string | null, teamId: string | null) {
  const area = areaId
    ? await db.selectFrom('areas').select('id').where('id', '=', areaId).executeTakeFirst()
    : undefined;
  const team = teamId
    ? await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst()
    : undefined;
  return { area: area?.id ?? null, team: team?.id ?? null };
}

/** The areas and teams as stored, for matching names typed in a file (the staff import). */
export async function areaAndTeamRows(db: Db) {
  const [areas, teams] = await Promise.all([
    db.selectFrom('areas').selectAll().execute(),
    db.selectFrom('teams').selectAll().execute(),
  ]);
  return { areas, teams };
}

/** The teams' names, for boards that show them beside their workers. */
export async function teamNames(db: Db): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('teams').select(['id', 'name']).orderBy('name').execute();
}

/** The municipalities as stored, for matching a name or code typed in a form or a file. */
export async function municipalityRows(db: Db) {
  return db.selectFrom('municipalities').select(['id', 'area_id', 'name_fi', 'name_sv']).execute();
}

/** A team's area: null for a team that is not regional (the assessment needs one that is). */
export async function teamArea(db: Db, teamId: string): Promise<string | null> {
  const row = await db.selectFrom('teams').select('area_id').where('id', '=', teamId).executeTakeFirst();
  return row?.area_id ?? null;
}
