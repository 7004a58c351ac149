/**
 * `import staff` (docs/formats.md): the county's workers from a CSV (id, name, role, fte, languages, area,
 * team; optionally max_duties_per_week). A row whose id is already in the store updates that worker: the
 * staff list is re-imported as it changes. One transaction; any invalid row and nothing is written.
 */
import { STAFF_ROLES } from '../../../shared/caseTypes';
import type { Actor } from '../../store/audit';
import type { Database } from '../../store/schema';
import type { Transactor, UnitOfWork } from '../../store/unitOfWork';
import { checkText, FieldErrors, oneOf } from '../cases/caseValidation';
import { areaAndTeamRows } from '../org/queries';
import { staffIds, upsertStaff } from './queries';
import { cellsOf, readCsvTable, widthError, type CsvTable, type Rejected } from '../../app/csvTable';

export const STAFF_COLUMNS = ['id', 'name', 'role', 'fte', 'languages', 'area', 'team', 'max_duties_per_week'] as const;
const REQUIRED = ['id', 'name', 'role', 'fte'] as const;
const LANGUAGES = ['fi', 'sv', 'en'] as const;

export interface StaffImportResult {
  imported: number;
  updated: number;
  rejected: Rejected[];
}

type Named = { id: string; name_fi?: string; name_sv?: string; name?: string };

/** An area or team given by its id or by any of its names, case-insensitively. */
function lookup(errors: FieldErrors, field: string, value: string, known: Named[]): string | null {
  if (!value) return null;
  const wanted = value.toLowerCase();
  const found = known.find((k) => [k.id, k.name_fi, k.name_sv, k.name].some((n) => n?.toLowerCase() === wanted));
  if (!found) errors.add(field, `"${value.slice(0, 40)}" is not one of this county's ${field}s`);
  return found?.id ?? null;
}

export async function importStaffCsv(
  store: Transactor,
  text: string,
  options: { now: Date; actor: Actor },
): Promise<StaffImportResult> {
  const table = readCsvTable(text, REQUIRED);
  if ('fileError' in table) return { imported: 0, updated: 0, rejected: [table.fileError] };
  // The areas, teams and known workers that decide each row are read in the same unit as the writes.
  return store.unitOfWork((uow) => importStaffRows(uow, table, options));
}

async function importStaffRows(
  { trx: db, audit }: UnitOfWork,
  { columns, rows: data }: CsvTable,
  options: { now: Date; actor: Actor },
): Promise<StaffImportResult> {
  const [{ areas, teams }, known] = await Promise.all([areaAndTeamRows(db), staffIds(db)]);
  const rejected: StaffImportResult['rejected'] = [];
  const rows: Database['staff'][] = [];
  const seen = new Map<string, number>();
  for (const record of data) {
    const wrongWidth = widthError(record, columns);
    if (wrongWidth) {
      rejected.push({ line: record.line, error: wrongWidth });
      continue;
    }
    const get = cellsOf(record, columns);
    const errors = new FieldErrors();
    const id = get('id');
    if (!/^[A-Za-z0-9._-]{1,40}$/.test(id)) errors.add('id', 'use 1-40 letters, digits, dot, dash or underscore');
    else if (seen.has(id)) errors.add('id', `"${id}" already appears on line ${seen.get(id)}`);
    const name = get('name');
    if (!name) errors.add('name', 'required');
    else checkText(errors, 'name', name, 120);
    const role = oneOf(errors, 'role', get('role').toUpperCase(), STAFF_ROLES);
    const fte = Number(get('fte').replace(',', '.'));
    if (!get('fte') || !Number.isFinite(fte) || fte <= 0 || fte > 1)
      errors.add('fte', 'a number above 0 and at most 1');
    const languages = get('languages')
      .toLowerCase()
      .split(/[;|\s]+/)
      .filter(Boolean);
    const unknownLanguage = languages.find((l) => !(LANGUAGES as readonly string[]).includes(l));
    if (unknownLanguage)
      errors.add('languages', `unknown language "${unknownLanguage.slice(0, 10)}" (use fi, sv, en, separated by ;)`);
    const areaId = lookup(errors, 'area', get('area'), areas);
    const teamId = lookup(errors, 'team', get('team'), teams);
    const maxText = get('max_duties_per_week');
    const max = maxText ? Number(maxText) : null;
    if (max !== null && (!Number.isInteger(max) || max < 0 || max > 5))
      errors.add('max_duties_per_week', 'a whole number 0-5');
    if (errors.any || !role) {
      rejected.push({ line: record.line, error: errors.list.join('; ') });
      continue;
    }
    seen.set(id, record.line);
    rows.push({
      id,
      name,
      role,
      fte,
      languages: JSON.stringify(languages.length ? [...new Set(languages)] : ['fi']),
      area_id: areaId,
      team_id: teamId,
      max_duties_per_week: max,
      active: 1,
      created_at: options.now.toISOString(),
    });
  }
  if (rejected.length) return { imported: 0, updated: 0, rejected };
  await upsertStaff(db, rows);
  const updated = rows.filter((r) => known.has(r.id)).length;
  const result = { imported: rows.length - updated, updated, rejected: [] };
  audit({ actor: options.actor, action: 'staff.import', details: { imported: result.imported, updated } });
  return result;
}
