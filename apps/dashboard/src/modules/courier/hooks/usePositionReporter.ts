import { useApolloClient } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import type { CourierPositionInput } from '../../../gql/graphql';
import { useUser } from '../../auth/hooks/useSession';
import { reportCourierPositionsMutation } from '../graphql/courier';
import { PositionQueue } from './positionQueue';

const SEND_EVERY_MS = 10_000;
/** Fixes closer together than this are not kept: a phone may report every second. */
const MIN_GAP_MS = 3_000;
const BATCH = 500;

export type GpsState = 'starting' | 'on' | 'denied' | 'unavailable' | 'unsupported';

export interface Fix {
  lat: number;
  lng: number;
  accuracyM: number | null;
  at: number;
}

export interface PositionReport {
  gps: GpsState;
  /** The phone's latest fix. */
  fix: Fix | null;
  /** When the API last accepted positions. */
  sentAt: number | null;
  /** Fixes waiting to be sent (the phone is offline, or the last send failed). */
  unsent: number;
  /** The last send failed for want of a connection. */
  offline: boolean;
}

/**
 * While mounted, follows the phone's position (watchPosition) and reports it for the signed-in courier:
 * at once on the first fix, then every 10 s in a batch. Unsent fixes wait (across reloads) and go with
 * the next batch; the API ignores repeats and takes them out of order for 24 hours.
 */
export function usePositionReporter(runId: string | null): PositionReport {
  const client = useApolloClient();
  const user = useUser();
  const [queue] = useState(() => new PositionQueue(user.id));
  const runRef = useRef(runId);
  const [report, setReport] = useState<PositionReport>(() => ({
    gps: typeof navigator !== 'undefined' && 'geolocation' in navigator ? 'starting' : 'unsupported',
    fix: null,
    sentAt: null,
    unsent: queue.size,
    offline: false,
  }));

  useEffect(() => {
    runRef.current = runId;
  }, [runId]);

  useEffect(() => {
    let sending = false;
    let alive = true;
    const update = (patch: Partial<PositionReport>) => {
      if (alive) setReport((r) => ({ ...r, ...patch, unsent: queue.size }));
    };

    let latest: CourierPositionInput | null = null;
    const send = async () => {
      if (latest) {
        queue.add(latest);
        latest = null;
      }
      const batch = queue.take(BATCH);
      if (sending || !batch.length) return;
      sending = true;
      try {
        const runId = runRef.current;
        const { data } = await client.mutate({
          mutation: reportCourierPositionsMutation,
          variables: { input: { positions: batch, ...(runId ? { runId } : {}) } },
        });
        const errors = data?.reportCourierPositions.userErrors ?? [];
        if (errors.some((e) => e.code === 'NOT_YOUR_RUN')) {
          runRef.current = null;
        } else if (errors.length) {
          // Fixes the API refuses (out of range) would be refused again: drop them, keep the others.
          const refused = new Set(errors.map((e) => Number(e.field?.[2])).filter((i) => Number.isInteger(i)));
          queue.remove(refused.size ? batch.filter((_, i) => refused.has(i)) : batch);
        } else {
          queue.remove(batch);
          update({ sentAt: Date.now() });
        }
        update({ offline: false });
      } catch {
        update({ offline: true });
      } finally {
        sending = false;
      }
    };

    const timer = setInterval(() => void send(), SEND_EVERY_MS);
    const onOnline = () => void send();
    window.addEventListener('online', onOnline);
    void send();

    let watch: number | null = null;
    if ('geolocation' in navigator) {
      let lastKept = 0;
      watch = navigator.geolocation.watchPosition(
        (pos) => {
          const at = pos.timestamp || Date.now();
          const { latitude: lat, longitude: lng, accuracy } = pos.coords;
          const first = lastKept === 0;
          const point = { lat, lng, accuracyM: accuracy, recordedAt: new Date(at).toISOString() };
          // Within the gap the newest fix waits as the latest; it is kept when the next batch goes.
          if (at - lastKept >= MIN_GAP_MS) {
            lastKept = at;
            latest = null;
            queue.add(point);
          } else {
            latest = point;
          }
          update({ gps: 'on', fix: { lat, lng, accuracyM: accuracy ?? null, at } });
          if (first) void send();
        },
        (err) => {
          if (err.code === err.PERMISSION_DENIED) update({ gps: 'denied' });
          else if (err.code === err.POSITION_UNAVAILABLE) update({ gps: 'unavailable' });
        },
        { enableHighAccuracy: true, maximumAge: 5_000, timeout: 60_000 },
      );
    }

    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener('online', onOnline);
      if (watch !== null) navigator.geolocation.clearWatch(watch);
    };
  }, [client, queue]);

  return report;
}
