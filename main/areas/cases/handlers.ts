/**
 * The cases area's handlers, one per operation of its slice of the contract (shared/contract/cases.ts):
 * `letters.templates`, `letters.saveTemplate`, `letters.create`, `letters.pdf`, `cases.queue`, `cases.get`, `cases.printed`, `cases.siblings`, `cases.sevenDayList`, `cases.register`, `cases.findExisting`, `cases.recordUrgency`, `cases.undoUrgency`, `cases.recordDecision`, `cases.correctUrgency`, `cases.correctDecision`, `cases.overrunReason`, `cases.closeAsNotCase`, `cases.recordBirth`, `cases.recordContact`, `cases.completeAssessment`, `cases.export`, `cases.importCsv`, `cases.importProgress`.
 */
import type { AreaHandlers } from '../../ipc/handler';
import { closeAsNotCase, correctDecision, correctUrgency, recordOverrunReason } from './caseCorrections';
import { caseDetail, casePrinted, caseQueue, existingCases, registerNotification } from './cases';
import { completeAssessment, recordBirth, recordContact, recordDecision, recordUrgency, undoUrgency } from './triage';
import { importCasesCsv } from './importCases';
import { jobProgress, trackJob } from '../../app/jobProgress';
import { SOCIAL_WORKER_ROLES } from '../../../shared/roles';
import { exportQueue } from './caseExport';
import { caseSiblings } from './siblings';
import { sevenDayList } from './sevenDayList';
import { createLetter, letterTemplates, readLetter, saveLetterTemplate } from './letters';

export const casesHandlers: AreaHandlers<'cases'> = {
  'letters.templates': async ({ core }) => letterTemplates(core),
  'letters.saveTemplate': async ({ core }, input) => {
    await saveLetterTemplate(core, input);
    return letterTemplates(core);
  },
  'letters.create': async ({ core }, input) => createLetter(core, input),
  'letters.pdf': async ({ core }, { id }) => readLetter(core, id),
  'cases.queue': async ({ core }, query) => caseQueue(core, query),
  'cases.get': async ({ core }, { id }) => caseDetail(core, id),
  'cases.printed': async ({ core }, { id }) => casePrinted(core, id),
  'cases.siblings': async ({ core }, { id }) => caseSiblings(core, id),
  'cases.sevenDayList': async ({ core }) => sevenDayList(core),
  'cases.register': async ({ core }, input) => registerNotification(core, input),
  'cases.findExisting': async ({ core }, by) => existingCases(core, by),
  'cases.recordUrgency': async ({ core }, input) => recordUrgency(core, input),
  'cases.undoUrgency': async ({ core }, input) => undoUrgency(core, input),
  'cases.recordDecision': async ({ core }, input) => recordDecision(core, input),
  'cases.correctUrgency': async ({ core }, input) => correctUrgency(core, input),
  'cases.correctDecision': async ({ core }, input) => correctDecision(core, input),
  'cases.overrunReason': async ({ core }, input) => recordOverrunReason(core, input),
  'cases.closeAsNotCase': async ({ core }, input) => closeAsNotCase(core, input),
  'cases.recordBirth': async ({ core }, input) => recordBirth(core, input),
  'cases.recordContact': async ({ core }, input) => recordContact(core, input),
  'cases.completeAssessment': async ({ core }, input) => completeAssessment(core, input),
  'cases.export': async ({ core }, input) => exportQueue(core, input),
  'cases.importCsv': async ({ core, user }, input) =>
    trackJob(core, 'import', { phase: 'CHECKING', done: 0, total: 0 }, (onProgress) =>
      importCasesCsv(core, input.text, {
        skipInvalid: input.skipInvalid,
        dryRun: input.dryRun,
        now: core.now(),
        actor: core.actor()!,
        userId: user!.id,
        history: SOCIAL_WORKER_ROLES.includes(user!.role) ? 'ALLOWED' : 'REFUSED',
        onProgress,
      }),
    ),
  'cases.importProgress': async ({ core }) => jobProgress(core, 'import'),
};
