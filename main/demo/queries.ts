/** The demo generator's own reads; its bulk inserts go through main/store/chunks.ts. */
import type { Db } from '../store/schema';

/** Who is away when, for laying the demo roster around absences. */
export async function absenceSpans(db: Db) {
  return db.selectFrom('absences').select(['staff_id', 'from_date', 'to_date']).execute();
}
