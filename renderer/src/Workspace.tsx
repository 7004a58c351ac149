import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionBanner } from './components/ConnectionBanner';
import { IntegrityBanner } from './components/IntegrityBanner';
import { LanguageSwitch } from './components/LanguageSwitch';
import { useIdleSignOut } from './areas/session/useIdleSignOut';
import { ASSESSMENT_ROLES, MANAGERS, SOCIAL_WORKER_ROLES, type Role } from '../../shared/roles';
import { useApp, type View } from './state/appStore';
import { resetQueue } from './areas/cases/queueStore';
import { resetReference } from './state/referenceStore';
import { resetRegisterDraft } from './areas/cases/registerDraft';
import { AdviceLogView } from './areas/advice/AdviceLogView';
import { AssessmentWeeksView } from './areas/roster/AssessmentWeeksView';
import { CalendarView } from './areas/roster/CalendarView';
import { ImportView } from './areas/cases/ImportView';
import { QueueView } from './areas/cases/QueueView';
import { RegisterView } from './areas/cases/RegisterView';
import { ReportsView } from './areas/reports/ReportsView';
import { SettingsView } from './areas/settings/SettingsView';
import { TeamView } from './areas/team/TeamView';
import { MeetingsView } from './areas/assessment/MeetingsView';
import { SevenDayView } from './areas/assessment/SevenDayView';
import { InboxButton } from './components/InboxButton';
import { api } from './api';
import { connectLive } from './state/liveUpdates';

const VIEWS: { id: View; key: string; shortcut: string; roles?: readonly Role[] }[] = [
  { id: 'queue', key: 'nav.queue', shortcut: '1' },
  { id: 'calendar', key: 'nav.calendar', shortcut: '2' },
  { id: 'assessmentWeeks', key: 'nav.assessmentWeeks', shortcut: '3' },
  { id: 'settings', key: 'nav.settings', shortcut: '4' },
  { id: 'advice', key: 'nav.advice', shortcut: '5' },
  // Reports count and list cases: the county admin's scope is no client data.
  { id: 'reports', key: 'nav.reports', shortcut: '6', roles: ['LEAD'] },
  { id: 'team', key: 'nav.team', shortcut: '7', roles: MANAGERS },
  // The meetings of the assessments the user carries out or works on as the pair (issue 22).
  { id: 'meetings', key: 'nav.meetings', shortcut: 'M', roles: ASSESSMENT_ROLES },
  // The undecided notifications assigned to the social worker on assessment duty, with their steps (issue 22).
  { id: 'sevenDays', key: 'nav.sevenDays', shortcut: 'L', roles: SOCIAL_WORKER_ROLES },
];

/**
 * The navigation frame: the work areas, settings, the advice log, (for team leads and admins) reports and
 * the team area, (for those who carry out assessments) their meetings and (for social workers) the 7-day list,
 * reachable by Alt+1...7, Alt+M and Alt+L. The main process enforces the roles; the menu only leaves out what cannot be used.
 */
export function Workspace() {
  const { t } = useTranslation();
  const { status, view, setView, transition, loadOverview } = useApp();
  const heading = useRef<HTMLHeadingElement>(null);
  useIdleSignOut(status?.idleLockMinutes ?? 15);
  const role = status?.user?.role;
  const views = useMemo(() => VIEWS.filter((v) => !v.roles || (role && v.roles.includes(role))), [role]);

  useEffect(() => {
    void loadOverview();
  }, [loadOverview, view]);

  // Every sign-in starts on the user's own main screen, not where the previous user of a shared
  // workstation left off; on sign-out the next user starts with nothing of this one's.
  useEffect(() => {
    setView(role === 'ADMIN' ? 'team' : 'queue');
    // Once per sign-in: the Workspace mounts when a user signs in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // On the county server: what others change shows here while this user is signed in.
  useEffect(() => connectLive(), []);
  useEffect(
    () => () => {
      resetQueue();
      resetReference();
      resetRegisterDraft();
    },
    [],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        setView('register');
        return;
      }
      const target = views.find((v) => e.altKey && !e.ctrlKey && !e.metaKey && e.key.toUpperCase() === v.shortcut);
      if (target) {
        e.preventDefault();
        setView(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setView, views]);

  // Move focus to the new view's heading so keyboard and screen-reader users land in it; a form that
  // opens for typing (register) keeps focus on its first field instead.
  useEffect(() => {
    if (view !== 'register') heading.current?.focus({ preventScroll: true });
  }, [view]);

  const title =
    view === 'register'
      ? t('register.title')
      : view === 'import'
        ? t('import.title')
        : t(VIEWS.find((v) => v.id === view)!.key);
  return (
    <div className="workspace">
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <span className="county">{status?.countyName}</span>
        <span className="spacer" />
        <span className="user">
          {status?.user?.displayName} · {status?.user && t(`roles.${status.user.role}`)}
        </span>
        <InboxButton refreshKey={view} />
        <LanguageSwitch />
        <button type="button" onClick={() => void transition(() => api.session.signOut({ reason: 'USER' }))}>
          {t('common.signOut')}
        </button>
      </header>
      <nav className="sidebar" aria-label={t('nav.label')}>
        <ul>
          {views.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                className="nav-item"
                aria-current={
                  view === v.id || ((view === 'register' || view === 'import') && v.id === 'queue') ? 'page' : undefined
                }
                aria-keyshortcuts={`Alt+${v.shortcut}`}
                onClick={() => setView(v.id)}
              >
                {t(v.key)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className={`content content-${view}`} id="main">
        <IntegrityBanner />
        <ConnectionBanner />
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {view === 'queue' && <QueueView />}
        {view === 'register' && <RegisterView />}
        {view === 'import' && <ImportView />}
        {view === 'advice' && <AdviceLogView />}
        {view === 'calendar' && <CalendarView />}
        {view === 'assessmentWeeks' && <AssessmentWeeksView />}
        {view === 'settings' && <SettingsView />}
        {view === 'reports' && <ReportsView />}
        {view === 'team' && <TeamView />}
        {view === 'meetings' && <MeetingsView />}
        {view === 'sevenDays' && <SevenDayView />}
      </main>
    </div>
  );
}
