import { useTranslation } from 'react-i18next';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import { useToast } from '../../../ui/toastContext';
import { slaAlertStream } from './slaAlertStream';

/** Tells complaint handlers the moment a complaint turns at risk, breaches or is escalated, on whatever page they are. */
export function SlaAlertToasts() {
  const { t } = useTranslation();
  const toast = useToast();
  useLiveListener(slaAlertStream, (alerts) => {
    for (const a of alerts) {
      const c = a.complaint;
      toast({
        tone: a.type === 'SLA_AT_RISK' ? 'info' : 'error',
        title: t(
          `complaints.live.${a.type === 'SLA_AT_RISK' ? 'atRisk' : a.type === 'ESCALATED' ? 'escalated' : 'breached'}`,
          {
            number: c.number,
          },
        ),
        detail: [t(`complaintCategory.${c.category}`), c.customer?.name, a.reason].filter(Boolean).join(' · '),
      });
    }
  });
  return null;
}
