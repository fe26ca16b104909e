import { useTranslation } from 'react-i18next';
import type { CourierState, DeliveryRunStatus, DeliveryStatus } from '../../../gql/graphql';
import { Badge, type Tone } from '../../../ui/Badge';

const DELIVERY_TONE: Record<DeliveryStatus, Tone> = {
  UNASSIGNED: 'neutral',
  ASSIGNED: 'info',
  OUT_FOR_DELIVERY: 'progress',
  DELIVERED: 'success',
  EXCEPTION: 'danger',
  RETURNED: 'neutral',
};

const RUN_TONE: Record<DeliveryRunStatus, Tone> = {
  PLANNED: 'info',
  IN_PROGRESS: 'progress',
  COMPLETED: 'success',
  CANCELLED: 'neutral',
};

const STATE_TONE: Record<CourierState, Tone> = {
  AVAILABLE: 'success',
  ON_ROUTE: 'progress',
  OFF_DUTY: 'neutral',
};

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  return <Badge tone={DELIVERY_TONE[status]}>{t(`deliveryStatus.${status}`)}</Badge>;
}

export function RunStatusBadge({ status }: { status: DeliveryRunStatus }) {
  const { t } = useTranslation();
  return <Badge tone={RUN_TONE[status]}>{t(`deliveryRunStatus.${status}`)}</Badge>;
}

export function CourierStateBadge({ state }: { state: CourierState }) {
  const { t } = useTranslation();
  return <Badge tone={STATE_TONE[state]}>{t(`courierState.${state}`)}</Badge>;
}
