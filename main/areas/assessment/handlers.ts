/**
 * The assessment area's handlers, one per operation of its slice of the contract (shared/contract/assessment.ts):
 * `assessment.setPair`, `assessment.pairCandidates`, `assessment.saveMeeting`, `assessment.invitePartner`,
 * `assessment.recordConsent`, `assessment.disclose`, `assessment.myMeetings`, `assessment.meetingsIcs`.
 */
import type { AreaHandlers } from '../../ipc/handler';
import { meetingsIcs, myMeetings, saveMeeting } from './meetings';
import { pairCandidates, setPair } from './pair';
import { disclose, invitePartner, recordConsent } from './partners';

export const assessmentHandlers: AreaHandlers<'assessment'> = {
  'assessment.setPair': async ({ core }, input) => setPair(core, input),
  'assessment.pairCandidates': async ({ core }, input) => pairCandidates(core, input),
  'assessment.saveMeeting': async ({ core }, input) => saveMeeting(core, input),
  'assessment.invitePartner': async ({ core }, input) => invitePartner(core, input),
  'assessment.recordConsent': async ({ core }, input) => recordConsent(core, input),
  'assessment.disclose': async ({ core }, input) => disclose(core, input),
  'assessment.myMeetings': async ({ core }, input) => myMeetings(core, input),
  'assessment.meetingsIcs': async ({ core }, input) => meetingsIcs(core, input),
};
