import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Windowing for long tables with fixed row height: only the rows in view (plus some overscan) are
 * rendered, so a table of 100,000 loaded rows costs the same as one of 50. Calls onNearEnd when the
 * view comes close to the last loaded row, to load the next keyset page.
 */
export function useVirtualRows({
  count,
  rowHeight,
  overscan = 12,
  onNearEnd,
}: {
  count: number;
  rowHeight: number;
  overscan?: number;
  onNearEnd?: () => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const resize = new ResizeObserver(() => setHeight(el.clientHeight));
    resize.observe(el);
    setHeight(el.clientHeight);
    return () => resize.disconnect();
  }, []);

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (el) setScrollTop(el.scrollTop);
  }, []);

  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);

  const nearEnd = end >= count - overscan;
  const nearEndRef = useRef(onNearEnd);
  nearEndRef.current = onNearEnd;
  useEffect(() => {
    if (nearEnd && count > 0) nearEndRef.current?.();
  }, [nearEnd, count]);

  return {
    scrollRef,
    onScroll,
    start,
    end,
    padTop: start * rowHeight,
    padBottom: Math.max(0, (count - end) * rowHeight),
  };
}
