/**
 * The assessment area's handlers, one per operation of its slice of the contract (shared/contract/assessment.ts):
 * `assessment.setPair`, `assessment.pairCandidates`, `assessment.saveMeeting`, `assessment.invitePartner`,
 * `assessment.recordConsent`, `assessment.disclose`, `assessment.saveSummary`, `assessment.startSupport`,
 * `assessment.planHandover`, `assessment.holdHandover`, `assessment.recordFeedback`, `assessment.myMeetings`,
 * `assessment.meetingsIcs`.
 */
import type { AreaHandlers } from '../../ipc/handler';
import { meetingsIcs, myMeetings, saveMeeting } from './meetings';
import { pairCandidates, setPair } from './pair';
import { disclose, invitePartner, recordConsent } from './partners';
import { holdHandover, planHandover } from './handover';
import { saveSummary } from './summary';
import { startSupport } from './support';
import { recordFeedback } from './feedback';

export const assessmentHandlers: AreaHandlers<'assessment'> = {
  'assessment.setPair': async ({ core }, input) => setPair(core, input),
  'assessment.pairCandidates': async ({ core }, input) => pairCandidates(core, input),
  'assessment.saveMeeting': async ({ core }, input) => saveMeeting(core, input),
  'assessment.invitePartner': async ({ core }, input) => invitePartner(core, input),
  'assessment.recordConsent': async ({ core }, input) => recordConsent(core, input),
  'assessment.disclose': async ({ core }, input) => disclose(core, input),
  'assessment.saveSummary': async ({ core }, input) => saveSummary(core, input),
  'assessment.startSupport': async ({ core }, input) => startSupport(core, input),
  'assessment.planHandover': async ({ core }, input) => planHandover(core, input),
  'assessment.holdHandover': async ({ core }, input) => holdHandover(core, input),
  'assessment.recordFeedback': async ({ core }, input) => recordFeedback(core, input),
  'assessment.myMeetings': async ({ core }, input) => myMeetings(core, input),
  'assessment.meetingsIcs': async ({ core }, input) => meetingsIcs(core, input),
};
