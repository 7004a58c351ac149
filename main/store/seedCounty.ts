import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * The default county structure: Itä-Uusimaa / Östra Nyland, bilingual, with three regional assessment
 * areas (domain.md). Counties edit it in settings; import files refer to municipalities by name.
 */
export const DEFAULT_AREAS = [
  { id: 'east', name_fi: 'Itäinen alue', name_sv: 'Östra området' },
  { id: 'central', name_fi: 'Keskinen alue', name_sv: 'Mellersta området' },
  { id: 'west', name_fi: 'Läntinen alue', name_sv: 'Västra området' },
] as const;

export const DEFAULT_MUNICIPALITIES = [
  { id: 'porvoo', name_fi: 'Porvoo', name_sv: 'Borgå', area_id: 'central', majority_language: 'fi' },
  { id: 'askola', name_fi: 'Askola', name_sv: 'Askola', area_id: 'central', majority_language: 'fi' },
  { id: 'myrskyla', name_fi: 'Myrskylä', name_sv: 'Mörskom', area_id: 'central', majority_language: 'fi' },
  { id: 'pukkila', name_fi: 'Pukkila', name_sv: 'Pukkila', area_id: 'central', majority_language: 'fi' },
  { id: 'loviisa', name_fi: 'Loviisa', name_sv: 'Lovisa', area_id: 'east', majority_language: 'fi' },
  { id: 'lapinjarvi', name_fi: 'Lapinjärvi', name_sv: 'Lappträsk', area_id: 'east', majority_language: 'fi' },
  { id: 'sipoo', name_fi: 'Sipoo', name_sv: 'Sibbo', area_id: 'west', majority_language: 'fi' },
] as const;

export async function seedCounty(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('areas')
    .values([...DEFAULT_AREAS])
    .execute();
  await db
    .insertInto('municipalities')
    .values([...DEFAULT_MUNICIPALITIES])
    .execute();
}
