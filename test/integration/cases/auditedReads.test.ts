/**
 * Issue 17 item 5: the child's access log (handed to families) lists each read of the child's case, so one
 * user action must not read the case twice. A triage action returns the case it changed under its own log
 * entry; a registration returns the new case the same way.
 */
import { describe, expect, it } from 'vitest';
import { unwrap, useDemoCore } from '../../helpers/core';
import { lastAuditEntry } from '../../helpers/queries';

const app = useDemoCore(20);

async function entriesSince(seq: number) {
  return app.core.db
    .selectFrom('audit_log')
    .select(['action', 'case_id'])
    .where('seq', '>', seq)
    .orderBy('seq')
    .execute();
}

describe('one user action, one entry in the child’s access log', () => {
  it('registering returns the new case without reading it again', async () => {
    await app.signInAs('ADVICE');
    const before = (await lastAuditEntry(app.core.db)).seq;
    const municipalityId = (await app.core.db.selectFrom('municipalities').select('id').executeTakeFirstOrThrow()).id;
    const created = unwrap(
      await app.api.cases.register({
        type: 'LSL25',
        channel: 'PHONE',
        receivedAt: '2026-11-23T09:00:00+02:00',
        reporterCategory: 'SCHOOL',
        municipalityId,
        children: [
          { firstName: 'Eka', lastName: 'Sisarus', birthDate: '2016-01-01', hetu: '' },
          { firstName: 'Toka', lastName: 'Sisarus', birthDate: '2018-01-01', hetu: '' },
        ],
      }),
    );
    expect(created.detail).toMatchObject({ id: created.caseIds[0], childName: 'Eka Sisarus', status: 'NEW' });
    expect(await entriesSince(before)).toEqual(
      created.caseIds.map((id) => ({ action: 'cases.register', case_id: id })),
    );
  });

  it('a triage action returns the case as changed, under the action’s own entry only', async () => {
    await app.signInAs('ASSESSMENT_SW');
    const id = (
      await app.core.db
        .selectFrom('cases')
        .select('id')
        .where('status', '=', 'NEW')
        .where('pending_from', 'is not', null)
        .executeTakeFirstOrThrow()
    ).id;
    const before = (await lastAuditEntry(app.core.db)).seq;
    const detail = unwrap(await app.api.cases.recordUrgency({ id, urgent: false }));
    expect(detail).toMatchObject({ id, urgencyResult: 'NOT_URGENT', status: 'TRIAGE' });
    expect(await entriesSince(before)).toEqual([{ action: 'cases.recordUrgency', case_id: id }]);
  });
});
