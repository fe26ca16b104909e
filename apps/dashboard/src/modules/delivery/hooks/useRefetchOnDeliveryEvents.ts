import { useEffect, useRef } from 'react';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import type { LiveDeliveryEvent } from '../live/deliveryStream';
import { deliveryStream } from '../live/deliveryStream';
import type { LiveDeliveryRunEvent } from '../live/deliveryRunStream';
import { deliveryRunStream } from '../live/deliveryRunStream';

interface Options {
  refetch: () => Promise<unknown>;
  /** Which delivery events concern the caller (default: all). */
  delivery?: (e: LiveDeliveryEvent) => boolean;
  /** Which run events concern the caller (default: all). */
  run?: (e: LiveDeliveryRunEvent) => boolean;
  delayMs?: number;
}

/** Reads a list again after the delivery or run events that concern it, at most once per delay. */
export function useRefetchOnDeliveryEvents({ refetch, delivery, run, delayMs = 1_000 }: Options) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const later = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void refetch().catch(() => undefined), delayMs);
  };
  useLiveListener(deliveryStream, (events) => {
    if (!delivery || events.some(delivery)) later();
  });
  useLiveListener(deliveryRunStream, (events) => {
    if (!run || events.some(run)) later();
  });
}
