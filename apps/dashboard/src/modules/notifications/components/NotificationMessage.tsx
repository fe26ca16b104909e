import { useTranslation } from 'react-i18next';
import type { NotificationChannel } from '../../../gql/graphql';

/** A message as the customer got it: the subject (e-mail, in-app) and the body; "not sent yet" before. */
export function NotificationMessage({
  subject,
  body,
  channel,
}: {
  subject: string | null | undefined;
  body: string | null | undefined;
  channel: NotificationChannel;
}) {
  const { t } = useTranslation();
  if (subject == null && body == null) return <p className="muted small">{t('notifications.message.notSent')}</p>;
  return (
    <figure className="message-box">
      {subject != null && channel !== 'SMS' && <figcaption className="message-subject">{subject}</figcaption>}
      <div className="message-body">{body}</div>
    </figure>
  );
}
