import type { Db } from './schema';

/**
 * The default county structure: Itä-Uusimaa / Östra Nyland, bilingual, with three regional assessment
 * areas (docs/domain.md). Counties edit it in settings; import files refer to municipalities by name.
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

/** The advice team and one assessment team per area: START_ASSESSMENT goes to the team of the child's area. */
export const DEFAULT_TEAMS = [
  { id: 'advice', name: 'Neuvonta ja ohjaus / Rådgivning och handledning', area_id: null },
  { id: 'assessment-east', name: 'Arviointitiimi itä / Bedömningsteam öst', area_id: 'east' },
  { id: 'assessment-central', name: 'Arviointitiimi keski / Bedömningsteam mellersta', area_id: 'central' },
  { id: 'assessment-west', name: 'Arviointitiimi länsi / Bedömningsteam väst', area_id: 'west' },
];

/** A starting service directory for GUIDANCE decisions; the county edits it in settings. */
export const DEFAULT_GUIDANCE_SERVICES = [
  ['family-counselling', 'Perheneuvola / Familjerådgivningen', 'PUBLIC', 'Kasvatus- ja perheneuvonta (SHL 26 §).'],
  ['child-health-clinic', 'Lastenneuvola / Barnrådgivningen', 'PUBLIC', 'Alle kouluikäisten lasten terveys ja kasvu.'],
  [
    'school-health',
    'Koulu- ja opiskeluterveydenhuolto / Skolhälsovården',
    'PUBLIC',
    'Kouluterveydenhoitaja, koululääkäri.',
  ],
  [
    'school-welfare',
    'Koulukuraattori ja -psykologi / Skolkurator och skolpsykolog',
    'PUBLIC',
    'Opiskeluhuollon palvelut.',
  ],
  ['home-help', 'Lapsiperheiden kotipalvelu / Hemservice för barnfamiljer', 'PUBLIC', 'SHL 19 §: apu arkeen.'],
  ['family-work', 'Perhetyö / Familjearbete', 'PUBLIC', 'Ohjaus ja tuki kotiin, SHL 18 §.'],
  ['mental-health', 'Mielenterveys- ja päihdepalvelut / Mentalvårds- och missbrukartjänster', 'PUBLIC', ''],
  [
    'mll',
    'Mannerheimin Lastensuojeluliitto (MLL) / Mannerheims Barnskyddsförbund',
    'THIRD_SECTOR',
    'Vanhempainpuhelin, perhekahvilat.',
  ],
  ['parish', 'Seurakunnan perhetyö / Församlingens familjearbete', 'THIRD_SECTOR', 'Perheasiain neuvottelukeskus.'],
  ['shelter', 'Ensi- ja turvakoti / Mödra- och skyddshem', 'THIRD_SECTOR', 'Väkivaltatyö ja turvakoti.'],
  ['private-therapy', 'Yksityinen perheterapia / Privat familjeterapi', 'PRIVATE', 'Palveluseteli tai omakustanne.'],
] as const;

export async function seedCounty(db: Db): Promise<void> {
  await db
    .insertInto('areas')
    .values([...DEFAULT_AREAS])
    .execute();
  await db
    .insertInto('municipalities')
    .values([...DEFAULT_MUNICIPALITIES])
    .execute();
  await db.insertInto('teams').values(DEFAULT_TEAMS).execute();
  await db
    .insertInto('guidance_services')
    .values(
      DEFAULT_GUIDANCE_SERVICES.map(([id, name, kind, description]) => ({
        id,
        name,
        kind,
        description,
        contact: '',
        active: 1,
        updated_at: new Date().toISOString(),
      })),
    )
    .execute();
}
