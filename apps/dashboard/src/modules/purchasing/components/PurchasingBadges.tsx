import { useTranslation } from 'react-i18next';
import type { PurchaseOrderStatus, SupplierStanding, SupplierStatus } from '../../../gql/graphql';
import { Badge, type Tone } from '../../../ui/Badge';

export const STANDING_TONE: Record<SupplierStanding, Tone> = {
  EXCELLENT: 'success',
  GOOD: 'info',
  WATCH: 'warning',
  BLOCKED: 'danger',
  UNRATED: 'neutral',
};

/** Scorecard standing as colour and words; BLOCKED stops new orders. */
export function StandingBadge({ standing }: { standing: SupplierStanding }) {
  const { t } = useTranslation();
  return (
    <Badge tone={STANDING_TONE[standing]} title={t(`supplierStanding.hint.${standing}`)}>
      {t(`supplierStanding.${standing}`)}
    </Badge>
  );
}

const STATUS_TONE: Record<SupplierStatus, Tone> = { QUALIFIED: 'success', PROBATION: 'warning', SUSPENDED: 'danger' };

export function SupplierStatusBadge({ status }: { status: SupplierStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONE[status]}>{t(`supplierStatus.${status}`)}</Badge>;
}

const PO_TONE: Record<PurchaseOrderStatus, Tone> = {
  DRAFT: 'neutral',
  SENT: 'info',
  CONFIRMED: 'accent',
  PARTIALLY_RECEIVED: 'progress',
  RECEIVED: 'success',
  CLOSED: 'neutral',
  CANCELLED: 'neutral',
};

export function PurchaseOrderStatusBadge({ status, overdue }: { status: PurchaseOrderStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="badges">
      <Badge tone={PO_TONE[status]}>{t(`purchaseOrderStatus.${status}`)}</Badge>
      {overdue && <Badge tone="danger">{t('purchasing.orders.overdue')}</Badge>}
    </span>
  );
}
