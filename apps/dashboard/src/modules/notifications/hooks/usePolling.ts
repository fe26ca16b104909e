import { useEffect, useRef } from 'react';

/** Calls `poll` every `ms` while the page is visible and `enabled` (a hidden tab asks for nothing). */
export function usePolling(poll: () => void, ms: number, enabled = true) {
  const ref = useRef(poll);
  useEffect(() => {
    ref.current = poll;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      if (timer === undefined && document.visibilityState === 'visible') timer = setInterval(() => ref.current(), ms);
    };
    const stop = () => {
      clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        ref.current();
        start();
      } else stop();
    };
    start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [ms, enabled]);
}
