import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import { resendNotificationMutation } from '../graphql/notifications';

/** Sends FAILED notifications again, one at a time; `failure` says why the last one was refused. */
export function useResend() {
  const { t } = useTranslation();
  const outcome = useMutationOutcome();
  const [busyId, setBusyId] = useState<string | null>(null);
  const resend = async (id: string) => {
    setBusyId(id);
    try {
      return await outcome.run({
        mutation: resendNotificationMutation,
        variables: { input: { notificationId: id } },
        success: () => t('notifications.resent'),
      });
    } finally {
      setBusyId(null);
    }
  };
  return { resend, busyId, failure: outcome.failure, clearFailure: outcome.clearFailure };
}
