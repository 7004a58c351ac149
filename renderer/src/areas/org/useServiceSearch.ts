import { useCallback, useEffect, useState } from 'react';
import type { ErrorPayload } from '../../../../shared/errors';
import type { GuidanceService } from '../../../../shared/contract/org';
import { api } from '../../api';

const PAUSE_MS = 150;

/** The county's service directory searched as the user types (after a short pause); `reload` after a change. */
export function useServiceSearch(text: string, includeInactive = false) {
  const [services, setServices] = useState<GuidanceService[]>([]);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const reload = useCallback(async () => {
    const result = await api.guidance.services({ text, includeInactive });
    if (result.ok) setServices(result.value);
    else setError(result.error);
  }, [text, includeInactive]);
  useEffect(() => {
    const timer = window.setTimeout(() => void reload(), PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [reload]);
  return { services, error, reload };
}
