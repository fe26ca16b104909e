import { useTranslation } from 'react-i18next';

/** An event type endpoints can subscribe to (webhookEventTypes). */
export interface EventTypeInfo {
  name: string;
  description: string;
}

/** What an event type carries, in the current language (the server's words for a type the dashboard does not know). */
export function useEventTypeText() {
  const { t } = useTranslation();
  return (type: EventTypeInfo) =>
    t(`webhookEventType.${type.name.replace(/\./g, '_')}` as 'webhookEventType.stock_alert', {
      defaultValue: type.description,
    });
}

export function EventTypeLabel({ type }: { type: EventTypeInfo }) {
  const text = useEventTypeText();
  return (
    <span className="event-type-label">
      <code>{type.name}</code>
      <span className="muted small">{text(type)}</span>
    </span>
  );
}
