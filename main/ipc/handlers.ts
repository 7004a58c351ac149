/**
 * One handler per contract operation. The type makes a missing or extra handler a compile error, so the
 * contract stays the single list of what crosses the bridge.
 */
import type { OperationName, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { CurrentUser } from '../../shared/contract';
import type { Core } from '../app/core';
import { caseDetail, caseQueue, existingCases, registerNotification } from '../services/cases';
import { completeAssessment, recordBirth, recordContact, recordDecision, recordUrgency } from '../services/triage';
import { adviceToday, logAdvice, undoAdvice } from '../services/adviceLog';
import { importCasesCsv } from '../services/importCases';
import { importProgress, trackImport } from '../services/importProgress';
import { exportQueue } from '../services/caseExport';
import { dashboard } from '../services/dashboard';
import { listServices, listTeams, saveService } from '../services/guidance';
import { createLetter, letterTemplates, readLetter, saveLetterTemplate } from '../services/letters';
import { readOverview } from '../services/overview';
import { rosterIcs } from '../services/rosterIcs';
import { readThlReport, reportBounds, thlDrillDown } from '../services/reports';
import { helsinkiDate, isoWeek } from '../../shared/dates';
import { listAbsences, listAssignments } from '../store/roster';
import { readSettings, writeSettings } from '../store/settings';

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
  'roster.list': async ({ core }, { from, to }) => {
    const weeks = { from: isoWeek(from), to: isoWeek(to) };
    const [assignments, absences] = await Promise.all([
      listAssignments(core.db, from, to, weeks),
      listAbsences(core.db, from, to),
    ]);
    return { assignments: assignments.map((a) => ({ ...a, locked: a.locked === 1 })), absences };
  },
  'roster.ics': async ({ core }, input) => rosterIcs(core, input),
  'cases.queue': async ({ core, user }, query) => caseQueue(core, user!.id, query),
  'cases.get': async ({ core }, { id }) => caseDetail(core, id),
  'cases.register': async ({ core }, input) => ({ caseIds: await registerNotification(core, input) }),
  'cases.findExisting': async ({ core }, by) => existingCases(core, by),
  'cases.recordUrgency': async ({ core }, { id, urgent }) => {
    await recordUrgency(core, id, urgent);
    return caseDetail(core, id, 'triage');
  },
  'cases.recordDecision': async ({ core }, input) => {
    await recordDecision(core, input);
    return caseDetail(core, input.id, 'triage');
  },
  'cases.recordBirth': async ({ core }, input) => {
    await recordBirth(core, input);
    return caseDetail(core, input.id, 'triage');
  },
  'cases.recordContact': async ({ core }, input) => {
    await recordContact(core, input);
    return caseDetail(core, input.id, 'triage');
  },
  'cases.completeAssessment': async ({ core }, input) => {
    await completeAssessment(core, input);
    return caseDetail(core, input.id, 'assessment');
  },
  'cases.export': async ({ core, user }, input) => exportQueue(core, user!.id, input),
  'cases.importCsv': async ({ core }, input) =>
    trackImport(core, (onProgress) =>
      importCasesCsv(core.db, input.text, {
        skipInvalid: input.skipInvalid,
        dryRun: input.dryRun,
        now: core.now(),
        actor: core.actor()!,
        onProgress,
      }),
    ),
  'cases.importProgress': async ({ core }) => importProgress(core),
  'reports.thl': async ({ core }, period) =>
    readThlReport(core.db, reportBounds(period, core.now()), { actor: core.actor(), now: core.now() }),
  'reports.thlCases': async ({ core }, { figure, offset, limit, ...period }) =>
    thlDrillDown(core, reportBounds(period, core.now()), figure, { offset, limit }),
  'reports.dashboard': async ({ core }, range) => dashboard(core, { ...range, today: helsinkiDate(core.now()) }),
  'users.assignable': async ({ core }) =>
    core.db
      .selectFrom('users as u')
      .leftJoin('staff as s', 's.id', 'u.staff_id')
      .select(['u.id', 'u.display_name as name', 'u.role', 's.area_id as areaId', 's.team_id as teamId'])
      .where('u.active', '=', 1)
      .where('u.role', 'in', ['ASSESSMENT_SW', 'REGIONAL', 'LEAD'])
      .orderBy('u.display_name')
      .execute(),
  'org.teams': async ({ core }) => listTeams(core.db),
  'guidance.services': async ({ core }, query) => listServices(core.db, query),
  'guidance.saveService': async ({ core }, input) => saveService(core, input),
  'letters.templates': async ({ core }) => letterTemplates(core),
  'letters.saveTemplate': async ({ core }, input) => {
    await saveLetterTemplate(core, input);
    return letterTemplates(core);
  },
  'letters.create': async ({ core }, input) => {
    await createLetter(core, input);
    return caseDetail(core, input.caseId, 'letter');
  },
  'letters.pdf': async ({ core }, { id }) => readLetter(core, id),
  'org.municipalities': async ({ core }) =>
    core.db
      .selectFrom('municipalities')
      .select(['id', 'name_fi as nameFi', 'name_sv as nameSv', 'area_id as areaId'])
      .orderBy('name_fi')
      .execute(),
  'advice.today': async ({ core }) => adviceToday(core),
  'advice.log': async ({ core }, entry) => logAdvice(core, entry),
  'advice.undo': async ({ core }, { id }) => undoAdvice(core, id),
  'ui.setLanguage': async ({ core }, input) => {
    core.setLanguage(input.language);
    return null;
  },
};
