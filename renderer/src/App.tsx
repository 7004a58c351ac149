import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from './state/appStore';
import { BlockedView } from './areas/session/BlockedView';
import { FirstLeadView } from './areas/session/FirstLeadView';
import { SetupView } from './areas/session/SetupView';
import { SignInView } from './areas/session/SignInView';
import { UnlockView } from './areas/session/UnlockView';
import { Workspace } from './Workspace';
import { ChangePasswordView } from './areas/session/ChangePasswordView';

/** One screen per phase of the app (shared/contract/session.ts `phaseSchema`). */
export function App() {
  const { t } = useTranslation();
  const status = useApp((s) => s.status);
  const refresh = useApp((s) => s.refresh);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  switch (status?.phase) {
    case undefined:
      return <p className="loading">{t('common.loading')}</p>;
    case 'SETUP':
      return <SetupView />;
    case 'LOCKED':
      return <UnlockView />;
    case 'KEY_MISSING':
    case 'STORE_ERROR':
      return <BlockedView phase={status.phase} />;
    case 'NO_USERS':
      return <FirstLeadView />;
    case 'SIGNED_OUT':
      return <SignInView />;
    case 'SIGNED_IN':
      return status.user?.mustChangePassword ? <ChangePasswordView /> : <Workspace />;
  }
}
