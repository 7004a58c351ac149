/**
 * The advice team's anonymous contact log: two clicks per call, no personal data, for statistics. An entry
 * can be taken back by its author within ten minutes (a mis-click), never later.
 */
import type { AdviceToday } from '../../../shared/contract';
import { helsinkiDate } from '../../../shared/dates';
import { LuukkuError } from '../../../shared/errors';
import type { Context } from '../../app/context';

const UNDO_MINUTES = 10;

import type { AdviceChannel, AdviceGuidedTo, AdviceLanguage, AdviceTopic } from '../../../shared/caseTypes';

import { adviceEntry, countOn, deleteAdvice, insertAdvice, latestOf } from './queries';

export interface AdviceEntry {
  channel: AdviceChannel;
  language: AdviceLanguage;
  topic: AdviceTopic;
  guidedTo: AdviceGuidedTo;
}

export async function adviceToday(core: Context): Promise<AdviceToday> {
  const user = core.actor()!;
  const today = helsinkiDate(core.now());
  const [count, mine] = await Promise.all([countOn(core.db, today), latestOf(core.db, today, user.id, 10)]);
  const undoLimit = core.now().getTime() - UNDO_MINUTES * 60_000;
  // Stored values are the contract's enums (checked on the way in); the dispatcher validates them on the way out.
  const entries = mine.map((m) => ({ ...m, undoable: Date.parse(m.at) >= undoLimit })) as AdviceToday['mine'];
  return { today: count, mine: entries };
}

export async function logAdvice(core: Context, entry: AdviceEntry) {
  const actor = core.actor()!;
  const now = core.now();
  await core.transact({ actor, action: 'advice.log', details: { topic: entry.topic } }, (trx) =>
    insertAdvice(trx, {
      at: now.toISOString(),
      date: helsinkiDate(now),
      channel: entry.channel,
      language: entry.language,
      topic: entry.topic,
      guided_to: entry.guidedTo,
      created_by: actor.id,
    }),
  );
  return adviceToday(core);
}

export async function undoAdvice(core: Context, id: number) {
  const actor = core.actor()!;
  await core.transact({ actor, action: 'advice.undo', details: { id } }, async (trx) => {
    const row = await adviceEntry(trx, id);
    if (!row || row.created_by !== actor.id) throw new LuukkuError('NOT_FOUND', 'No such entry of yours.');
    if (Date.parse(row.at) < core.now().getTime() - UNDO_MINUTES * 60_000) {
      throw new LuukkuError('WRONG_STATE', `An entry can be taken back only within ${UNDO_MINUTES} minutes.`);
    }
    await deleteAdvice(trx, id);
  });
  return adviceToday(core);
}
