/**
 * The assessment area's handlers, one per operation of its slice of the contract (shared/contract/assessment.ts):
 * `assessment.setPair`, `assessment.pairCandidates`, `assessment.saveMeeting`, `assessment.myMeetings`,
 * `assessment.meetingsIcs`.
 */
import type { AreaHandlers } from '../../ipc/handler';
import { meetingsIcs, myMeetings, saveMeeting } from './meetings';
import { pairCandidates, setPair } from './pair';

export const assessmentHandlers: AreaHandlers<'assessment'> = {
  'assessment.setPair': async ({ core }, input) => setPair(core, input),
  'assessment.pairCandidates': async ({ core }, input) => pairCandidates(core, input),
  'assessment.saveMeeting': async ({ core }, input) => saveMeeting(core, input),
  'assessment.myMeetings': async ({ core }, input) => myMeetings(core, input),
  'assessment.meetingsIcs': async ({ core }, input) => meetingsIcs(core, input),
};
