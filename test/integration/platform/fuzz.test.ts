/**
 * Bad input everywhere (issue 7, item 5): random and malicious payloads for every IPC operation and for
 * the CSV import. Every one is answered with a clear error (never an internal one), and a refused call
 * changes nothing; no payload pollutes Object.prototype.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dispatch } from '../../../main/ipc/dispatcher';
import { contract, operationNames, type OperationName } from '../../../shared/contract';
import { unwrap, useDemoCore } from '../../helpers/core';
import { tableCounts as countsOfTables } from '../../helpers/queries';

const app = useDemoCore(30);

/** Steps that change who is signed in or run the passphrase's scrypt: covered by their own tests. */
const SESSION_OPS = new Set<OperationName>([
  'setup.createStore',
  'setup.createFirstLead',
  'store.unlock',
  'session.signIn',
  'session.signOut',
]);

const nasty = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE cases; --",
    '" OR 1=1 --',
    '\u0000\u0007\u001b[2J',
    '\uD800',
    '=HYPERLINK("http://evil")',
    '<img src=x onerror=alert(1)>',
    '../../../etc/passwd',
    '__proto__',
    'constructor',
    '1e999',
    '-0',
    '2026-02-30',
    '9999-99-99',
    'x'.repeat(200_000),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  nasty,
  fc.integer(),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -1, 0, 2 ** 53, null, true, false, undefined),
  fc.array(nasty, { maxLength: 3 }),
  fc.dictionary(nasty, nasty, { maxKeys: 3 }),
);

function payloadFor(name: OperationName): fc.Arbitrary<unknown> {
  const input = contract[name].input;
  const keys = input instanceof z.ZodObject ? Object.keys(input.shape) : ['kind', 'month', 'year', 'id', 'text'];
  const record = fc.dictionary(fc.constantFrom(...keys, '__proto__', 'constructor', 'prototype'), value, {
    maxKeys: keys.length + 2,
  });
  // JSON.parse makes "__proto__" an own key, as a payload from a compromised renderer would be.
  const hostile = fc
    .record({ inner: value })
    .map(
      ({ inner }) =>
        JSON.parse(
          `{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "x": ${JSON.stringify(inner ?? null)}}`,
        ) as unknown,
    );
  return fc.oneof(record, hostile, value);
}

/** Every table's row count and the settings: equal before and after means the call changed nothing. */
async function tableCounts(): Promise<string> {
  const settings = await app.core.db.selectFrom('settings').selectAll().orderBy('key').execute();
  return `${await countsOfTables(app.core.db)} ${JSON.stringify(settings)}`;
}

describe('random and malicious payloads', () => {
  it('every operation refuses them with a clear error and no change, as a team lead and as a counsellor', async () => {
    const codes = new Map<string, number>();
    for (const role of ['LEAD', 'ADVICE']) {
      await app.signInAs(role);
      for (const name of operationNames.filter((n) => !SESSION_OPS.has(n))) {
        await fc.assert(
          fc.asyncProperty(payloadFor(name), async (payload) => {
            const before = await tableCounts();
            const result = await dispatch(app.core, name, payload);
            if (result.ok) return;
            codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1);
            expect(result.error.code, `${name}: ${result.error.message}`).not.toBe('INTERNAL');
            expect(result.error.message.length).toBeGreaterThan(0);
            expect(result.error.message.length).toBeLessThan(2000);
            const after = await tableCounts();
            // A refusal for the role is itself logged (one audit row); nothing else changes.
            if (result.error.code === 'FORBIDDEN')
              expect(after.replace(/audit_log=\d+/, '')).toBe(before.replace(/audit_log=\d+/, ''));
            else expect(after).toBe(before);
          }),
          { numRuns: 20, seed: 42 },
        );
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(codes.get('INVALID_INPUT')).toBeGreaterThan(100);
  }, 600_000);

  it('the CSV import refuses malicious rows with their line named and imports nothing', async () => {
    await app.signInAs('ADVICE');
    const header =
      'external_id,type,channel,received_at,reporter_category,municipality,child_first_name,child_last_name';
    const cell = nasty.map((s) => `"${s.replace(/"/g, '""')}"`);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 5 }),
        async (rows) => {
          const before = await tableCounts();
          const result = await app.api.cases.importCsv({
            text: [header, ...rows.map((r) => r.join(','))].join('\n'),
          });
          if (result.ok) {
            const value = result.value as { imported: number; rejected: { line: number; error: string }[] };
            expect(value.imported).toBe(0);
            expect(value.rejected.length).toBeGreaterThan(0);
            for (const r of value.rejected) expect(r.line).toBeGreaterThanOrEqual(2);
          } else expect(result.error.code).not.toBe('INTERNAL');
          expect(await tableCounts()).toBe(before);
        },
      ),
      { numRuns: 40, seed: 7 },
    );
    expect(unwrap(await app.api.cases.importProgress({}))).toBeNull();
  }, 300_000);
});
