import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { PositionReport } from '../hooks/usePositionReporter';

/** GPS on or off, when positions last reached dispatch, and how many wait for a connection. */
export function GpsStatus({ report }: { report: PositionReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  const on = report.gps === 'on';
  return (
    <div className={on ? 'gps-status gps-on' : 'gps-status gps-off'} role="status" data-testid="gps-status">
      <span className="gps-dot" aria-hidden="true" />
      <span className="gps-text">
        <strong>{t(`courier.gps.${report.gps}`)}</strong>
        {report.sentAt && (
          <span className="muted small">
            {t('courier.gps.sentAt', { time: f.time(new Date(report.sentAt).toISOString(), true) })}
          </span>
        )}
        {report.unsent > 0 && (
          <span className={report.offline ? 'small text-warning' : 'muted small'}>
            {t(report.offline ? 'courier.gps.waitingOffline' : 'courier.gps.waiting', { count: report.unsent })}
          </span>
        )}
      </span>
      {(report.gps === 'denied' || report.gps === 'unsupported') && (
        <span className="small gps-hint">{t('courier.gps.deniedHint')}</span>
      )}
    </div>
  );
}
