import { useEffect } from 'react';
import { useApp } from '../../state/appStore';
import { api } from '../../api';

/**
 * Signs the user out after the county's idle time. The main process enforces the same limit on every
 * call; this makes the screen itself lock, so no client data stays on an unattended display.
 */
export function useIdleSignOut(minutes: number): void {
  const transition = useApp((s) => s.transition);
  useEffect(() => {
    let last = Date.now();
    const touch = () => (last = Date.now());
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;
    events.forEach((e) => window.addEventListener(e, touch, { passive: true }));
    const timer = window.setInterval(() => {
      if (Date.now() - last > minutes * 60_000) void transition(() => api.session.signOut({ reason: 'IDLE' }));
    }, 15_000);
    return () => {
      events.forEach((e) => window.removeEventListener(e, touch));
      window.clearInterval(timer);
    };
  }, [minutes, transition]);
}
