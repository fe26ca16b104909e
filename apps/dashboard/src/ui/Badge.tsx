import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderStatus, StockStatus } from '../gql/graphql';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent' | 'progress';

export function Badge({ tone = 'neutral', children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      <span className="badge-dot" aria-hidden="true" />
      {children}
    </span>
  );
}

export const ORDER_STATUS_TONE: Record<OrderStatus, Tone> = {
  PENDING_REVIEW: 'warning',
  ON_HOLD: 'danger',
  CONFIRMED: 'info',
  BACKORDERED: 'accent',
  ALLOCATED: 'info',
  PICKING: 'progress',
  PACKED: 'progress',
  SHIPPED: 'progress',
  OUT_FOR_DELIVERY: 'progress',
  DELIVERED: 'success',
  RETURNED: 'neutral',
  CANCELLED: 'neutral',
};

/** Order status as colour and words (never colour alone). */
export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return <Badge tone={ORDER_STATUS_TONE[status]}>{t(`orderStatus.${status}`)}</Badge>;
}

export const STOCK_STATUS_TONE: Record<StockStatus, Tone> = {
  OUT_OF_STOCK: 'danger',
  LOW: 'warning',
  NORMAL: 'success',
  OVERSTOCK: 'accent',
};

export function StockStatusBadge({ status }: { status: StockStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STOCK_STATUS_TONE[status]}>{t(`stockStatus.${status}`)}</Badge>;
}
