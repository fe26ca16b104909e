import { useState } from 'react';
import type { CourierRunFragment } from '../../../gql/graphql';

/**
 * Runs finished while the page is open, as last seen: the API lists open runs only, and a run whose
 * last stop was just made would otherwise vanish with the outcome the courier wants to see.
 */
export function useFinishedRuns(openRuns: CourierRunFragment[]): CourierRunFragment[] {
  const [seen, setSeen] = useState(openRuns);
  const [finished, setFinished] = useState<CourierRunFragment[]>([]);
  if (openRuns !== seen) {
    setSeen(openRuns);
    const gone = seen.filter((r) => r.status === 'IN_PROGRESS' && !openRuns.some((o) => o.id === r.id));
    if (gone.length) setFinished((f) => [...gone.map((r) => ({ ...r, status: 'COMPLETED' as const })), ...f]);
  }
  return finished;
}
