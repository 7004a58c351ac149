/** The SQL of the child's access log: every log entry that touched one of the child's cases. */
import type { Db } from '../../store/schema';

/** The entries that name one of `caseIds`, alone or among the cases of one entry, in the log's order. */
export async function entriesFor(db: Db, caseIds: readonly string[]) {
  const [entries, listed] = await Promise.all([
    db
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
        'a.details',
      ])
      .where((eb) =>
        eb.or([
          eb('a.case_id', 'in', caseIds),
          eb('a.seq', 'in', eb.selectFrom('audit_cases').select('seq').where('case_id', 'in', caseIds)),
        ]),
      )
      .orderBy('a.seq')
      .execute(),
    db.selectFrom('audit_cases').select(['seq', 'case_id']).where('case_id', 'in', caseIds).execute(),
  ]);
  return { entries, listed };
}
