import { useTranslation } from 'react-i18next';
import { useLiveListener } from '../../../app/live/useLiveEvents';
import { useToast } from '../../../ui/toastContext';
import { purchaseOrderStream } from './purchaseOrderStream';

/** Tells purchasers the moment the daily check finds a purchase order overdue, on whatever page they are. */
export function OverdueToasts() {
  const { t } = useTranslation();
  const toast = useToast();
  useLiveListener(purchaseOrderStream, (events) => {
    for (const e of events) {
      if (e.type !== 'OVERDUE') continue;
      toast({
        tone: 'error',
        title: t('purchasing.live.overdue', { number: e.purchaseOrder.number }),
        detail: t('purchasing.live.overdueDetail', { supplier: e.purchaseOrder.supplier.name }),
      });
    }
  });
  return null;
}
