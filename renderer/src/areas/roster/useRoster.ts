import { useCallback, useEffect, useState } from 'react';
import type { Roster } from '../../../../shared/contract';
import type { ErrorPayload } from '../../../../shared/errors';
import type { StaffDirectory } from '../../../../shared/contract/roster';
import { api } from '../../api';
import { useLive } from '../../state/liveUpdates';

/** The roster and the staff directory of a date range, reloaded after an edit here or elsewhere (live updates). */
export function useRoster(from: string, to: string) {
  const [roster, setRoster] = useState<Roster | null>(null);
  const [directory, setDirectory] = useState<StaffDirectory | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const reload = useCallback(async () => {
    const [r, d] = await Promise.all([api.roster.list({ from, to }), api.staff.directory({ from, to })]);
    setRoster(r.ok ? r.value : null);
    setDirectory(d.ok ? d.value : null);
    setError(!r.ok ? r.error : !d.ok ? d.error : null);
  }, [from, to]);
  useEffect(() => {
    void reload();
  }, [reload]);
  useLive('roster', () => void reload());
  return { roster, directory, error, reload };
}
