/**
 * The hourly desktop digest (issue 3): how many cases have turned due soon or overdue since the last digest.
 * Counts only, never names: the operating system's notification centre keeps what it shows.
 */
import { dueSoonUntil } from '../../../shared/clock';
import type { Context } from '../../app/context';
import { clockContextOf } from '../cases/cases';
import { birthsExpectedBy, openCasesDueBy } from '../cases/queries';

export interface Digest {
  dueSoon: number;
  overdue: number;
  /** Anticipatory notifications whose expected birth date has come (LsL 25 c §): ask whether the child is born. */
  birthsExpected: number;
}

/** Remembers which cases were already reported in which state, for one signed-in session. */
export class DueDigest {
  private reported = new Map<string, 'DUE_SOON' | 'OVERDUE' | 'BIRTH_EXPECTED'>();

  async next(core: Context): Promise<Digest | null> {
    const { today, calendar, dueSoonWorkingDays } = await clockContextOf(core);
    const limit = dueSoonUntil(today, calendar, dueSoonWorkingDays);
    const rows = await openCasesDueBy(core.db, limit);
    const digest: Digest = { dueSoon: 0, overdue: 0, birthsExpected: 0 };
    for (const id of await birthsExpectedBy(core.db, today)) {
      if (this.reported.get(id) === 'BIRTH_EXPECTED') continue;
      this.reported.set(id, 'BIRTH_EXPECTED');
      digest.birthsExpected++;
    }
    for (const row of rows) {
      const state = row.due < today ? 'OVERDUE' : 'DUE_SOON';
      if (this.reported.get(row.id) === state) continue;
      this.reported.set(row.id, state);
      if (state === 'OVERDUE') digest.overdue++;
      else digest.dueSoon++;
    }
    return digest.dueSoon || digest.overdue || digest.birthsExpected ? digest : null;
  }

  reset(): void {
    this.reported.clear();
  }
}
