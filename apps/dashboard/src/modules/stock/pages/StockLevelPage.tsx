import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../../app/format';
import { StockStatusBadge } from '../../../ui/Badge';
import { PageHeader } from '../../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { AdjustStockForm } from '../components/AdjustStockForm';
import { BinLocationField } from '../components/BinLocationField';
import { MovementHistory } from '../components/MovementHistory';
import { useStockLevel } from '../hooks/useStockLevel';

export function StockLevelPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const { id = '' } = useParams();
  const { level, loaded, error, movements, hasMoreMovements, loadingMoreMovements, loadMoreMovements, refresh } =
    useStockLevel(id);

  if (error && !level) return <ErrorState error={error} onRetry={refresh} />;
  if (!loaded) return <LoadingState rows={6} />;
  if (!level) {
    return (
      <EmptyState title={t('stock.detail.notFound')}>
        <Link to="/stock" className="btn">
          {t('stock.detail.back')}
        </Link>
      </EmptyState>
    );
  }

  const pct = Math.min(100, Math.round((level.available / Math.max(level.highThreshold, 1)) * 100));
  const lowPct = Math.min(100, Math.round((level.lowThreshold / Math.max(level.highThreshold, 1)) * 100));
  return (
    <div className="page">
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/stock">{t('nav.stock')}</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">
          {level.sku} @ {level.warehouseCode}
        </span>
      </nav>
      <PageHeader
        title={
          <span className="title-with-badge">
            <span>{level.product.name}</span>
            <StockStatusBadge status={level.status} />
          </span>
        }
        subtitle={
          <>
            <code>{level.sku}</code> · {level.product.spec} · <code>{level.warehouseCode}</code> {level.warehouse.name}
          </>
        }
      />
      <section className="kpi-row kpi-row-5" aria-label={t('stock.detail.levels')}>
        <div className="kpi">
          <span className="kpi-label">{t('stock.columns.onHand')}</span>
          <span className="kpi-value">{f.number(level.onHand)}</span>
        </div>
        <div className="kpi">
          <span className="kpi-label">{t('stock.columns.reserved')}</span>
          <span className="kpi-value">{f.number(level.reserved)}</span>
        </div>
        <div
          className={`kpi ${level.status === 'OUT_OF_STOCK' ? 'kpi-bad' : level.status === 'LOW' ? 'kpi-warn' : ''}`}
        >
          <span className="kpi-label">{t('stock.columns.available')}</span>
          <span className="kpi-value">{f.number(level.available)}</span>
          <div
            className="meter"
            role="img"
            aria-label={t('stock.detail.meter', {
              available: level.available,
              low: level.lowThreshold,
              high: level.highThreshold,
            })}
          >
            <div className="meter-fill" style={{ width: `${pct}%` }} />
            <div className="meter-mark" style={{ left: `${lowPct}%` }} />
          </div>
        </div>
        <div className="kpi">
          <span className="kpi-label">{t('stock.columns.thresholds')}</span>
          <span className="kpi-value kpi-value-small">
            {f.number(level.lowThreshold)} / {f.number(level.highThreshold)}
          </span>
          <span className="muted small">{t('stock.detail.updated', { time: f.dateTime(level.updatedAt) })}</span>
        </div>
        <BinLocationField level={level} />
      </section>
      <div className={can('STOCK_ADJUST') ? 'detail-grid detail-grid-wide-left' : ''}>
        <MovementHistory
          movements={movements}
          hasNextPage={hasMoreMovements}
          loadingMore={loadingMoreMovements}
          onLoadMore={loadMoreMovements}
        />
        {can('STOCK_ADJUST') && <AdjustStockForm level={level} onDone={refresh} />}
      </div>
    </div>
  );
}
