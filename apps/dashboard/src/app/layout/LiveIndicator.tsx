import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import { useCatchUpState, useLinkState } from '../live/useLiveEvents';

/** The live link's state in words and colour; announced politely when it changes. */
export function LiveIndicator() {
  const { t } = useTranslation();
  const f = useFormat();
  const link = useLinkState();
  const { catchingUp, lastCatchUp } = useCatchUpState();
  const state = catchingUp && link.state === 'online' ? 'catchingUp' : link.state;
  const label = t(`live.${state}`);
  const title =
    link.state === 'online'
      ? lastCatchUp
        ? t('live.lastCatchUp', {
            time: f.time(new Date(lastCatchUp.at).toISOString(), true),
            count: lastCatchUp.replayed,
          })
        : t('live.onlineHint')
      : link.downSince
        ? t('live.downSince', { time: f.time(new Date(link.downSince).toISOString(), true) })
        : t('live.connectingHint');
  return (
    <div className={`live-indicator live-${state}`} role="status" aria-live="polite" title={title}>
      <span className="live-dot" aria-hidden="true" />
      <span>{label}</span>
      {link.attempt > 0 && link.state !== 'online' && (
        <span className="muted small">({t('live.attempt', { count: link.attempt })})</span>
      )}
    </div>
  );
}
