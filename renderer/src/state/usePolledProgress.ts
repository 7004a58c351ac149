import { useEffect, useRef, useState } from 'react';
import type { Result } from '../../../shared/errors';

/**
 * Runs a long main-process call while polling how far it has got (the import, the roster generation): the
 * progress is kept in memory in the main process, so polling never waits for the call's transaction.
 */
export function usePolledProgress<P>(poll: () => Promise<Result<P | null>>, everyMs: number) {
  const [progress, setProgress] = useState<P | null>(null);
  const timer = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearInterval(timer.current);
    },
    [],
  );
  const withProgress = async <T>(call: () => Promise<T>): Promise<T> => {
    setProgress(null);
    timer.current = window.setInterval(() => {
      void poll().then((r) => r.ok && r.value && setProgress(r.value));
    }, everyMs);
    try {
      return await call();
    } finally {
      window.clearInterval(timer.current);
      timer.current = null;
      setProgress(null);
    }
  };
  return { progress, withProgress };
}
