import { useTranslation } from 'react-i18next';
import type { CourierState, DeliveryRunStatus, DeliveryStatus } from '../../../gql/graphql';
import { Badge, type Tone } from '../../../ui/Badge';

const DELIVERY_TONE: Record<DeliveryStatus, Tone> = {
  UNASSIGNED: 'neutral',
  ASSIGNED: 'info',
  OUT_FOR_DELIVERY: 'progress',
  DELIVERED: 'success',
  EXCEPTION: 'danger',
  RETURNED: 'warning',
};

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  return <Badge tone={DELIVERY_TONE[status]}>{t(`deliveryStatus.${status}`)}</Badge>;
}

const RUN_TONE: Record<DeliveryRunStatus, Tone> = {
  PLANNED: 'info',
  IN_PROGRESS: 'progress',
  COMPLETED: 'success',
  CANCELLED: 'neutral',
};

export function RunStatusBadge({ status }: { status: DeliveryRunStatus }) {
  const { t } = useTranslation();
  return <Badge tone={RUN_TONE[status]}>{t(`deliveryRunStatus.${status}`)}</Badge>;
}

const COURIER_TONE: Record<CourierState, Tone> = {
  AVAILABLE: 'success',
  ON_ROUTE: 'progress',
  OFF_DUTY: 'neutral',
};

export function CourierStateBadge({ state }: { state: CourierState }) {
  const { t } = useTranslation();
  return <Badge tone={COURIER_TONE[state]}>{t(`courierState.${state}`)}</Badge>;
}

/** The ETA is within 15 minutes of the window's end or past it: flagged before the delivery is late. */
export function LateRiskBadge({ count }: { count?: number }) {
  const { t } = useTranslation();
  return (
    <Badge tone="danger" title={t('delivery.lateRisk.hint')}>
      {count === undefined ? t('delivery.lateRisk.one') : t('delivery.lateRisk.count', { count })}
    </Badge>
  );
}
