import { useTranslation } from 'react-i18next';
import type { NotificationStatus, WebhookDeliveryStatus, WebhookEndpointStatus } from '../../../gql/graphql';
import { Badge, type Tone } from '../../../ui/Badge';

const NOTIFICATION_TONE: Record<NotificationStatus, Tone> = {
  PENDING: 'info',
  SENT: 'success',
  RETRYING: 'warning',
  FAILED: 'danger',
};

export function NotificationStatusBadge({ status }: { status: NotificationStatus }) {
  const { t } = useTranslation();
  return <Badge tone={NOTIFICATION_TONE[status]}>{t(`notificationStatus.${status}`)}</Badge>;
}

const ENDPOINT_TONE: Record<WebhookEndpointStatus, Tone> = {
  ACTIVE: 'success',
  PAUSED: 'warning',
  DISABLED: 'danger',
};

export function EndpointStatusBadge({ status, title }: { status: WebhookEndpointStatus; title?: string }) {
  const { t } = useTranslation();
  return (
    <Badge tone={ENDPOINT_TONE[status]} title={title}>
      {t(`webhookEndpointStatus.${status}`)}
    </Badge>
  );
}

const DELIVERY_TONE: Record<WebhookDeliveryStatus, Tone> = {
  PENDING: 'info',
  DELIVERED: 'success',
  RETRYING: 'warning',
  FAILED: 'danger',
};

export function WebhookDeliveryStatusBadge({ status }: { status: WebhookDeliveryStatus }) {
  const { t } = useTranslation();
  return <Badge tone={DELIVERY_TONE[status]}>{t(`webhookDeliveryStatus.${status}`)}</Badge>;
}

/** An HTTP status as the receiver answered it: 2xx green, 4xx amber, 5xx red. */
export function HttpStatus({ code }: { code: number | null | undefined }) {
  if (code === null || code === undefined) return <span className="muted">—</span>;
  const tone = code < 300 ? 'text-success' : code < 500 ? 'text-warning' : 'text-danger';
  return <span className={`mono strong ${tone}`}>{code}</span>;
}
