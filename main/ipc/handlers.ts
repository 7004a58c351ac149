/**
 * One handler per contract operation. The type makes a missing or extra handler a compile error, so the
 * contract stays the single list of what crosses the bridge.
 */
import { closeAsNotCase, correctDecision, correctUrgency, recordOverrunReason } from '../services/caseCorrections';
import type { OperationName, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { CurrentUser } from '../../shared/contract';
import type { Core } from '../app/core';
import { caseDetail, caseQueue, existingCases, registerNotification } from '../services/cases';
import { completeAssessment, recordBirth, recordContact, recordDecision, recordUrgency } from '../services/triage';
import { adviceToday, logAdvice, undoAdvice } from '../services/adviceLog';
import { importCasesCsv } from '../services/importCases';
import { cancelJob, jobProgress, trackJob } from '../services/jobProgress';
import { createBackup, listBackups, restoreBackup, restoreLatest } from '../services/backups';
import { LuukkuError } from '../../shared/errors';
import { SOCIAL_WORKER_ROLES } from '../../shared/roles';
import { applyRepair, proposeRepair } from '../services/rosterRepair';
import { lockDuty, moveDuty, publishPeriod, rosterChanges, swapWeeks } from '../services/rosterEdit';
import { fairnessReport } from '../services/rosterFairness';
import { generateRoster } from '../services/rosterGenerate';
import { rosterView } from '../services/rosterView';
import { addAbsence, removeAbsence, saveClosureDay, saveStaff, setWish, staffDirectory } from '../services/staff';
import { exportQueue } from '../services/caseExport';
import { dashboard } from '../services/dashboard';
import { listAreas, listMunicipalities, listServices, listTeams, saveService } from '../services/guidance';
import { createLetter, letterTemplates, readLetter, saveLetterTemplate } from '../services/letters';
import { readOverview } from '../services/overview';
import { childAccessLogFor, childAccessLogPdf } from '../services/accessLog';
import { inbox, markInboxRead, reassignCases } from '../services/reassign';
import { retentionReport } from '../services/retention';
import { assignableUsers, listUsers, resetPassword, saveUser, setUserActive } from '../services/users';
import { suggestAssignees, workloadBoard } from '../services/workload';
import { rosterIcs } from '../services/rosterIcs';
import { readThlReport, reportBounds, thlDrillDown, thlDrillDownPrinted } from '../services/reports';
import { helsinkiDate } from '../../shared/dates';
import { listPeriods } from '../store/roster';
import { readRosterConfig, readSettings, writeRosterConfig, writeSettings } from '../store/settings';

export interface HandlerContext {
  core: Core;
  /** The signed-in user; null only for public operations. */
  user: CurrentUser | null;
}

export type Handlers = {
  [K in OperationName]: (ctx: HandlerContext, input: ParsedInputOf<K>) => Promise<OutputOf<K>>;
};

export const handlers: Handlers = {
  'app.status': async ({ core }) => core.status(),
  'setup.createStore': async ({ core }, input) =>
    core.createStore({ passphrase: input.passphrase, countyName: input.countyName, lead: input.lead }),
  'setup.createFirstLead': async ({ core }, input) => core.createFirstLead(input),
  'store.unlock': async ({ core }, input) => core.unlock(input.passphrase),
  'session.signIn': async ({ core }, input) => core.signIn(input.username, input.password),
  'session.signOut': async ({ core }, input) => core.signOut(input.reason),
  'session.changePassword': async ({ core }, input) => core.changePassword(input.current, input.next),
  'users.list': async ({ core }) => listUsers(core.db),
  'users.save': async ({ core }, input) => saveUser(core, input),
  'users.setActive': async ({ core }, { id, active }) => setUserActive(core, id, active),
  'users.resetPassword': async ({ core }, { id, password }) => resetPassword(core, id, password),
  'workload.board': async ({ core }) => workloadBoard(core),
  'cases.suggestAssignees': async ({ core }, input) => suggestAssignees(core, input),
  'cases.reassign': async ({ core }, input) =>
    trackJob(core, 'reassign', { done: 0, total: 0 }, (report) => reassignCases(core, input, report)),
  'cases.reassignProgress': async ({ core }) => jobProgress(core, 'reassign'),
  'inbox.list': async ({ core }) => inbox(core),
  'inbox.markRead': async ({ core }, { ids }) => markInboxRead(core, ids),
  'audit.childAccessLog': async ({ core }, input) => childAccessLogFor(core, input),
  'audit.childAccessLogPdf': async ({ core }, input) => childAccessLogPdf(core, input),
  'retention.report': async ({ core }) => retentionReport(core),
  'settings.get': async ({ core }) => readSettings(core.db),
  'settings.update': async ({ core }, patch) => {
    const settings = await core.transact(
      { actor: core.actor(), action: 'settings.update', details: { keys: Object.keys(patch) } },
      async (trx) => {
        await writeSettings(trx, patch);
        return readSettings(trx);
      },
    );
    await core.settingsChanged();
    return settings;
  },
  'overview.get': async ({ core }) => readOverview(core),
  'roster.list': async ({ core }, range) => rosterView(core, range),
  'roster.config': async ({ core }) => readRosterConfig(core.db),
  'roster.saveConfig': async ({ core }, config) => {
    await core.transact({ actor: core.actor(), action: 'roster.saveConfig', details: {} }, (trx) =>
      writeRosterConfig(trx, config),
    );
    return readRosterConfig(core.db);
  },
  'roster.generate': async ({ core }, input) =>
    trackJob(core, 'roster', { phase: 'PREPARING', seconds: 0, gap: null }, (report, signal) =>
      generateRoster(core, input, report, signal),
    ),
  'roster.generateProgress': async ({ core }) => jobProgress(core, 'roster'),
  'roster.cancelGenerate': async ({ core }) => cancelJob(core, 'roster'),
  'roster.move': async ({ core }, input) => moveDuty(core, input),
  'roster.lock': async ({ core }, input) => {
    await lockDuty(core, input);
    return null;
  },
  'roster.swapWeeks': async ({ core }, input) => swapWeeks(core, input),
  'roster.publish': async ({ core }, { periodId }) => {
    await publishPeriod(core, periodId);
    return null;
  },
  'roster.changes': async ({ core }, { from, to }) =>
    rosterChanges(
      core.db,
      (await listPeriods(core.db, from, to)).map((p) => p.id),
    ),
  'roster.repairProposal': async ({ core }, { absenceId }) => proposeRepair(core, absenceId),
  'roster.applyRepair': async ({ core }, input) => applyRepair(core, input),
  'roster.fairness': async ({ core }, range) => fairnessReport(core.db, range),
  'staff.directory': async ({ core, user }, range) => staffDirectory(core.db, range, user!),
  'staff.save': async ({ core }, input) => saveStaff(core, input),
  'staff.addAbsence': async ({ core }, input) => addAbsence(core, input),
  'staff.removeAbsence': async ({ core }, { id }) => {
    await removeAbsence(core, id);
    return null;
  },
  'staff.wish': async ({ core }, input) => {
    await setWish(core, input);
    return null;
  },
  'org.closureDay': async ({ core }, input) => {
    await saveClosureDay(core, input);
    return null;
  },
  'roster.ics': async ({ core }, input) => rosterIcs(core, input),
  'cases.queue': async ({ core }, query) => caseQueue(core, query),
  'cases.get': async ({ core }, { id }) => caseDetail(core, id),
  'cases.register': async ({ core }, input) => registerNotification(core, input),
  'cases.findExisting': async ({ core }, by) => existingCases(core, by),
  'cases.recordUrgency': async ({ core }, input) => recordUrgency(core, input),
  'cases.correctUrgency': async ({ core }, input) => correctUrgency(core, input),
  'cases.correctDecision': async ({ core }, input) => correctDecision(core, input),
  'cases.overrunReason': async ({ core }, input) => recordOverrunReason(core, input),
  'cases.closeAsNotCase': async ({ core }, input) => closeAsNotCase(core, input),
  'cases.recordDecision': async ({ core }, input) => recordDecision(core, input),
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
  'reports.thl': async ({ core }, period) =>
    readThlReport(core, reportBounds(period, core.now()), { actor: core.actor() }),
  'reports.thlCases': async ({ core }, { figure, offset, limit, ...period }) =>
    thlDrillDown(core, reportBounds(period, core.now()), figure, { offset, limit }),
  'reports.thlCasesPrinted': async ({ core }, { figure, rows, ...period }) =>
    thlDrillDownPrinted(core, reportBounds(period, core.now()), figure, rows),
  'reports.dashboard': async ({ core }, range) => dashboard(core, { ...range, today: helsinkiDate(core.now()) }),
  'users.assignable': async ({ core }) => assignableUsers(core.db),
  'org.teams': async ({ core }) => listTeams(core.db),
  'org.areas': async ({ core }) => listAreas(core.db),
  'guidance.services': async ({ core }, query) => listServices(core.db, query),
  'guidance.saveService': async ({ core }, input) => saveService(core, input),
  'letters.templates': async ({ core }) => letterTemplates(core),
  'letters.saveTemplate': async ({ core }, input) => {
    await saveLetterTemplate(core, input);
    return letterTemplates(core);
  },
  'letters.create': async ({ core }, input) => createLetter(core, input),
  'letters.pdf': async ({ core }, { id }) => readLetter(core, id),
  'org.municipalities': async ({ core }) => listMunicipalities(core.db),
  'advice.today': async ({ core }) => adviceToday(core),
  'advice.log': async ({ core }, entry) => logAdvice(core, entry),
  'advice.undo': async ({ core }, { id }) => undoAdvice(core, id),
  'backups.list': async ({ core }) => listBackups(core),
  'backups.create': async ({ core }) => createBackup(core, 'manual'),
  'backups.restore': async ({ core }, { name }) => {
    await restoreBackup(core, name);
    return core.status();
  },
  'store.restoreLatest': async ({ core }, { passphrase }) => {
    if (core.phase() !== 'STORE_ERROR')
      throw new LuukkuError('WRONG_STATE', 'Restoring the latest backup is offered only for a damaged store.');
    await restoreLatest(core, passphrase);
    return core.status();
  },
  'ui.setLanguage': async ({ core }, input) => {
    core.setLanguage(input.language);
    return null;
  },
};
