import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import { complaintQuery } from '../graphql/complaints';
import { complaintStream } from '../live/complaintStream';
import { changedHereRecently } from './useComplaintActions';

/** One complaint with its history, read again when someone else changes it; `liveNote` says what changed. */
export function useComplaint(id: string) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(complaintQuery, { variables: { id } });
  const complaint = data?.complaint;
  const [liveNote, setLiveNote] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  useLiveListener(complaintStream, (events) => {
    if (!complaint) return;
    const mine = events.filter((e) => e.id === complaint.id);
    if (!mine.length) return;
    const last = mine[mine.length - 1];
    // The history is read again for any newer step (the event carries the row, not the history).
    const shown = Math.max(0, ...complaint.events.map((e) => e.sequence));
    if (last.lastEventSequence <= shown) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void refetch().catch(() => undefined), 150);
    // This tab's own change comes back live too: only someone else's (or the sweep's) is news.
    if (changedHereRecently(complaint.id)) return;
    setLiveNote(t('complaints.detail.liveUpdate', { status: t(`complaintStatus.${last.status}`) }));
  });

  return {
    complaint,
    error,
    loading,
    liveNote,
    dismissLiveNote: () => setLiveNote(null),
    refresh: () => void refetch(),
  };
}
