import { useState } from 'react';
import type { ErrorPayload } from '../../../../shared/errors';
import type { GenerateInput } from '../../../../shared/contract/roster';
import { usePolledProgress } from '../../state/usePolledProgress';
import { api } from '../../api';

const PROGRESS_POLL_MS = 250;

/** Runs a roster generation with the main process's progress polled for the screen, and its cancel. */
export function useGenerate() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const { progress, withProgress } = usePolledProgress(() => api.roster.generateProgress(), PROGRESS_POLL_MS);
  const run = async (input: GenerateInput) => {
    setBusy(true);
    setError(null);
    const result = await withProgress(() => api.roster.generate(input));
    setBusy(false);
    if (!result.ok) setError(result.error);
    return result;
  };
  const cancel = () => void api.roster.cancelGenerate();
  return { run, busy, progress, error, cancel };
}
