import { useEffect, useRef, useState } from 'react';
import type { ErrorPayload } from '../../../shared/errors';
import type { GenerateInput, GenerateProgress } from '../../../shared/rosterContract';

type Outcome = Awaited<ReturnType<typeof window.luukku.roster.generate>>;

/** Runs a roster generation with the main process's progress polled for the screen, and its cancel. */
export function useGenerate() {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<GenerateProgress>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(() => () => void (poll.current && clearInterval(poll.current)), []);

  const run = async (input: GenerateInput): Promise<Outcome> => {
    setBusy(true);
    setError(null);
    poll.current = setInterval(() => {
      void window.luukku.roster.generateProgress().then((r) => r.ok && setProgress(r.value));
    }, 250);
    const result = await window.luukku.roster.generate(input);
    if (poll.current) clearInterval(poll.current);
    setProgress(null);
    setBusy(false);
    if (!result.ok) setError(result.error);
    return result;
  };
  const cancel = () => void window.luukku.roster.cancelGenerate();
  return { run, busy, progress, error, cancel };
}
