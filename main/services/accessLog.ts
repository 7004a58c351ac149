/**
 * The client's access-log report (Asiakastietolaki 703/2023 § 11): for one child, every entry of the
 * usage and disclosure log that touched any of the child's cases (found by identity code, or by name and
 * birth date), who it was, when, in what role and for what purpose. Producing it is itself a use of client
 * data and is logged in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { Language } from '../../shared/schemas';
import type { AccessLog } from '../../shared/teamContract';
import { toCsv, spreadsheetSafe } from '../../shared/csv';
import { LuukkuError } from '../../shared/errors';
import type { Core } from '../app/core';
import type { Actor } from '../store/audit';
import { appendAudit } from '../store/audit';
import { findExistingCases } from '../store/caseQueries';
import type { Database } from '../store/schema';
import { mainText } from '../text';
import { childName } from './cases';

const helsinkiTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Helsinki',
  dateStyle: 'short',
  timeStyle: 'medium',
});

export const ACCESS_LOG_PURPOSE = 'access-log report to the client (703/2023 § 11)';

/** The report for the child of `caseId`; `reader` is who asks (logged), `now` when. */
export async function childAccessLog(
  db: Kysely<Database>,
  input: { caseId: string; language: Language },
  reader: { actor: Actor | null; now: Date },
): Promise<AccessLog> {
  return db.transaction().execute(async (trx) => {
    const child = await trx.selectFrom('cases').selectAll().where('id', '=', input.caseId).executeTakeFirst();
    if (!child) throw new LuukkuError('NOT_FOUND', 'No such case.');
    const related = await findExistingCases(trx, {
      hetu: child.child_hetu ?? '',
      firstName: child.child_first_name ?? '',
      lastName: child.child_last_name ?? '',
      birthDate: child.child_birth_date ?? '',
    });
    const cases = [child, ...related.map((r) => r.row).filter((r) => r.id !== child.id)];
    const ids = cases.map((c) => c.id);
    const entries = await trx
      .selectFrom('audit_log as a')
      .leftJoin('users as u', 'u.id', 'a.user_id')
      .select([
        'a.seq',
        'a.at',
        'u.display_name as user',
        'a.user_name as userName',
        'a.role',
        'a.action',
        'a.purpose',
        'a.case_id as caseId',
        'a.outcome',
      ])
      .where((eb) =>
        eb.or([
          eb('a.case_id', 'in', ids),
          eb('a.seq', 'in', eb.selectFrom('audit_cases').select('seq').where('case_id', 'in', ids)),
        ]),
      )
      .orderBy('a.seq')
      .execute();
    // Entries that listed several cases (a queue page, a bulk move) name which of this child's they showed.
    const listed = new Map<number, string[]>();
    for (const r of await trx
      .selectFrom('audit_cases')
      .select(['seq', 'case_id'])
      .where('case_id', 'in', ids)
      .execute())
      listed.set(r.seq, [...(listed.get(r.seq) ?? []), r.case_id]);
    const rows = entries.map((e) => ({ ...e, caseId: e.caseId ?? listed.get(e.seq)?.join(' ') ?? null }));
    await appendAudit(
      trx,
      {
        actor: reader.actor,
        action: 'audit.childAccessLog',
        purpose: ACCESS_LOG_PURPOSE,
        caseIds: ids,
        details: { entries: entries.length },
      },
      reader.now,
    );
    const t = mainText(input.language);
    const csv = toCsv([
      [
        t('accessLog.col.time'),
        t('accessLog.col.user'),
        t('accessLog.col.role'),
        t('accessLog.col.action'),
        t('accessLog.col.purpose'),
        t('accessLog.col.case'),
        t('accessLog.col.outcome'),
      ],
      ...rows.map((e) =>
        [
          helsinkiTime.format(new Date(e.at)),
          e.user ? `${e.user} (${e.userName})` : (e.userName ?? ''),
          e.role ? t(`roles.${e.role}`) : '',
          t(`accessLog.actions.${e.action}`, { defaultValue: e.action }),
          e.purpose ?? '',
          e.caseId,
          t(`accessLog.outcomes.${e.outcome}`, { defaultValue: e.outcome }),
        ].map(spreadsheetSafe),
      ),
    ]);
    return {
      child: {
        name: childName(child.child_first_name, child.child_last_name),
        birthDate: child.child_birth_date,
        hetu: child.child_hetu,
      },
      cases: cases.map((c) => ({ id: c.id, type: c.type, receivedDate: c.received_date, status: c.status })),
      entries: rows,
      fileName: `luukku-access-log-${helsinkiTime.format(reader.now).slice(0, 10)}.csv`,
      csv,
    };
  });
}

/** Through the app: the signed-in team lead asks. */
export function childAccessLogFor(core: Core, input: { caseId: string; language: Language }): Promise<AccessLog> {
  return childAccessLog(core.db, input, { actor: core.actor(), now: core.now() });
}
