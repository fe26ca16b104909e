import { useTranslation } from 'react-i18next';
import type { LiveSla } from './clock';
import { clockText as spanText } from './clock';
import { SlaStateBadge } from './ComplaintBadges';

/** The clock in words: time left, overdue by, paused (frozen) or met; with its state as a badge. */
export function Countdown({ live, badge = true }: { live: LiveSla; badge?: boolean }) {
  const { t } = useTranslation();
  const clockText = (ms: number) => spanText(ms, t('complaints.countdown.dayUnit'));
  const text =
    live.state === 'PAUSED'
      ? t('complaints.countdown.paused', { time: live.leftMs == null ? '—' : clockText(live.leftMs) })
      : live.leftMs == null
        ? t('complaints.countdown.done')
        : live.leftMs < 0
          ? t('complaints.countdown.overdue', { time: clockText(live.leftMs) })
          : t('complaints.countdown.left', { time: clockText(live.leftMs) });
  return (
    <span className={`countdown countdown-${live.state.toLowerCase()}`} data-sla-state={live.state}>
      {badge && <SlaStateBadge state={live.state} />}
      {live.leftMs != null || live.state !== 'MET' ? <span className="countdown-time mono">{text}</span> : null}
    </span>
  );
}
