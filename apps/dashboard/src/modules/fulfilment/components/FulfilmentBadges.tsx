import { useTranslation } from 'react-i18next';
import type { PickListStatus, ShipmentOutcome, ShipmentStatus } from '../../../gql/graphql';
import { Badge, type Tone } from '../../../ui/Badge';

const PICK_LIST_TONE: Record<PickListStatus, Tone> = {
  OPEN: 'info',
  IN_PROGRESS: 'progress',
  COMPLETED: 'success',
  CANCELLED: 'neutral',
};

/** Pick list status as colour and words. */
export function PickListStatusBadge({ status }: { status: PickListStatus }) {
  const { t } = useTranslation();
  return <Badge tone={PICK_LIST_TONE[status]}>{t(`pickListStatus.${status}`)}</Badge>;
}

export const SHIPMENT_TONE: Record<ShipmentStatus, Tone> = {
  PICKING: 'progress',
  PICKED: 'warning',
  CHECKED: 'info',
  PACKED: 'accent',
  SHIPPED: 'success',
  CANCELLED: 'neutral',
};

/** A shipment's stage, and why it left its list when something unusual happened. */
export function ShipmentStatusBadge({ status, outcome }: { status: ShipmentStatus; outcome?: ShipmentOutcome | null }) {
  const { t } = useTranslation();
  return (
    <span className="badges">
      <Badge tone={SHIPMENT_TONE[status]}>{t(`shipmentStatus.${status}`)}</Badge>
      {outcome && <OutcomeBadge outcome={outcome} />}
    </span>
  );
}

const OUTCOME_TONE: Record<ShipmentOutcome, Tone> = {
  LIST_CANCELLED: 'neutral',
  ORDER_CANCELLED: 'neutral',
  SHORT_BACKORDERED: 'danger',
  SHORT_HELD: 'danger',
  SHORT_REALLOCATED: 'warning',
};

/** What became of an order part on its list; none means picked in full. */
export function OutcomeBadge({ outcome }: { outcome: ShipmentOutcome | null }) {
  const { t } = useTranslation();
  if (!outcome) return <Badge tone="success">{t('fulfilment.outcome.full')}</Badge>;
  return (
    <Badge tone={OUTCOME_TONE[outcome]} title={t(`shipmentOutcome.hint.${outcome}`)}>
      {t(`shipmentOutcome.${outcome}`)}
    </Badge>
  );
}
