import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { PageHeader } from '../../../ui/PageHeader';
import { ErrorState, LoadingState, Spinner } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { StockAlertsPanel } from '../../stock/components/StockAlertsPanel';
import { KpiTile } from '../components/KpiTile';
import { LiveFeed } from '../components/LiveFeed';
import { OrdersPerMinuteChart } from '../components/OrdersPerMinuteChart';
import { StatusBreakdown } from '../components/StatusBreakdown';
import { useOverview } from '../hooks/useOverview';

export function OverviewPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const { overview: o, loading, error, reload } = useOverview();

  const dash = '—';
  const mins = (v: number | null) => (v === null ? dash : f.minutes(v));
  const hours = (v: number | null) => (v === null ? dash : f.minutes(v * 60));

  return (
    <div className="page overview">
      <PageHeader
        title={t('overview.title')}
        subtitle={o ? t('overview.asOf', { time: f.time(o.generatedAt, true) }) : t('overview.subtitle')}
        actions={
          <button type="button" className="btn" onClick={() => void reload()} disabled={loading}>
            {loading && o && <Spinner small />}
            {t('common.refresh')}
          </button>
        }
      />
      {error && !o ? (
        <ErrorState error={error} onRetry={() => void reload()} />
      ) : !o ? (
        <LoadingState label={t('overview.loading')} rows={4} />
      ) : (
        <>
          {error && <ErrorState compact error={error} onRetry={() => void reload()} />}
          <section className="kpi-grid" aria-label={t('overview.kpis')}>
            <KpiTile
              label={t('overview.kpi.ordersToday')}
              value={f.number(o.ordersToday)}
              hint={t('overview.kpi.ordersTodayHint')}
              to="/orders"
            />
            <KpiTile
              label={t('overview.kpi.amountToday')}
              value={f.money(o.amountTodayFen)}
              hint={t('overview.kpi.amountTodayHint')}
            />
            <KpiTile
              label={t('overview.kpi.awaitingReview')}
              value={f.number(o.awaitingReview + o.onHold)}
              hint={t('overview.kpi.awaitingReviewHint', {
                pending: f.number(o.awaitingReview),
                hold: f.number(o.onHold),
              })}
              tone={o.awaitingReview + o.onHold > 0 ? 'warn' : 'good'}
              to={can('ORDER_REVIEW') ? '/review' : '/orders?status=PENDING_REVIEW,ON_HOLD'}
            />
            <KpiTile
              label={t('overview.kpi.backorders')}
              value={f.number(o.backordered)}
              hint={t('overview.kpi.backordersHint')}
              tone={o.backordered > 0 ? 'warn' : 'good'}
              to="/orders?status=BACKORDERED"
            />
            <KpiTile
              label={t('overview.kpi.stockAlerts')}
              value={f.number(o.lowStockLevels)}
              hint={t('overview.kpi.stockAlertsHint', {
                low: f.number(Math.max(0, o.lowStockLevels - o.outOfStockLevels)),
                out: f.number(o.outOfStockLevels),
              })}
              tone={o.outOfStockLevels > 0 ? 'bad' : o.lowStockLevels > 0 ? 'warn' : 'good'}
              to={can('STOCK_READ') ? '/stock?low=1' : undefined}
            />
            <KpiTile
              label={t('overview.kpi.onTime')}
              value={o.onTimeDelivery.value === null ? dash : f.percent(o.onTimeDelivery.value)}
              hint={t('overview.kpi.onTimeHint', {
                target: f.percent(o.onTimeDelivery.target, 0),
                n: f.number(o.onTimeDelivery.sampleSize),
              })}
              tone={o.onTimeDelivery.meetsTarget === null ? 'neutral' : o.onTimeDelivery.meetsTarget ? 'good' : 'bad'}
            />
          </section>
          <section className="kpi-grid" aria-label={t('overview.afterSales')}>
            <KpiTile
              label={t('overview.kpi.complaintsAtRisk')}
              value={f.number(o.complaintsAtRisk + o.complaintsBreached)}
              hint={t('overview.kpi.complaintsAtRiskHint', {
                risk: f.number(o.complaintsAtRisk),
                breached: f.number(o.complaintsBreached),
                open: f.number(o.complaintsOpen),
              })}
              tone={o.complaintsBreached > 0 ? 'bad' : o.complaintsAtRisk > 0 ? 'warn' : 'good'}
              to={
                can('COMPLAINT_READ')
                  ? `/complaints?sla=${o.complaintsBreached > 0 ? 'BREACHED' : 'AT_RISK'}`
                  : undefined
              }
            />
            <KpiTile
              label={t('overview.kpi.satisfaction')}
              value={o.satisfaction.value === null ? dash : f.percent(o.satisfaction.value)}
              hint={t('overview.kpi.satisfactionHint', {
                target: f.percent(o.satisfaction.target, 0),
                n: f.number(o.satisfaction.sampleSize),
              })}
              tone={o.satisfaction.meetsTarget === null ? 'neutral' : o.satisfaction.meetsTarget ? 'good' : 'bad'}
              to={can('COMPLAINT_READ') ? '/surveys' : undefined}
            />
            <KpiTile
              label={t('overview.kpi.errorRate')}
              value={o.orderErrorRate.value === null ? dash : f.percent(o.orderErrorRate.value, 2)}
              hint={t('overview.kpi.errorRateHint', {
                target: f.percent(o.orderErrorRate.target, 0),
                n: f.number(o.orderErrorRate.sampleSize),
              })}
              tone={o.orderErrorRate.meetsTarget === null ? 'neutral' : o.orderErrorRate.meetsTarget ? 'good' : 'bad'}
            />
          </section>
          <section className="kpi-grid kpi-grid-small" aria-label={t('overview.stageTimes')}>
            <KpiTile
              size="small"
              label={t('overview.kpi.toConfirm')}
              value={mins(o.averageMinutesToConfirm)}
              hint={t('overview.kpi.last7Days')}
            />
            <KpiTile
              size="small"
              label={t('overview.kpi.toAllocate')}
              value={mins(o.averageMinutesToAllocate)}
              hint={t('overview.kpi.last7Days')}
            />
            <KpiTile
              size="small"
              label={t('overview.kpi.toShip')}
              value={hours(o.averageHoursToShip)}
              hint={t('overview.kpi.last30Days')}
            />
            <KpiTile
              size="small"
              label={t('overview.kpi.toShipP90')}
              value={hours(o.p90HoursToShip)}
              hint={t('overview.kpi.last30Days')}
            />
          </section>
          <section className="kpi-grid kpi-grid-small" aria-label={t('overview.floorTimes')}>
            <KpiTile
              size="small"
              label={t('overview.kpi.toPick')}
              value={mins(o.averageMinutesToPick)}
              hint={t('overview.kpi.floorLast7Days')}
            />
            <KpiTile
              size="small"
              label={t('overview.kpi.pickToPack')}
              value={mins(o.averageMinutesPickToPack)}
              hint={t('overview.kpi.floorLast7Days')}
            />
            <KpiTile
              size="small"
              label={t('overview.kpi.packToShip')}
              value={mins(o.averageMinutesPackToShip)}
              hint={t('overview.kpi.floorLast7Days')}
            />
            <KpiTile
              size="small"
              label={t('overview.kpi.checkErrors')}
              value={o.checkErrorRate === null ? dash : f.percent(o.checkErrorRate)}
              hint={t('overview.kpi.checkErrorsHint')}
              tone={o.checkErrorRate === null ? 'neutral' : o.checkErrorRate > 0.01 ? 'bad' : 'good'}
            />
          </section>
          <div className="overview-grid">
            <div className="stack">
              <OrdersPerMinuteChart data={o.ordersPerMinute} />
              <StatusBreakdown rows={o.ordersByStatus} />
            </div>
            <div className="stack">
              <LiveFeed />
              {can('STOCK_READ') && <StockAlertsPanel limit={8} />}
            </div>
          </div>
        </>
      )}
    </div>
  );
}
