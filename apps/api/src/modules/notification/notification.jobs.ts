import type { DataSource } from 'typeorm';
import { Jobs } from '../../common/jobs';
import { logger } from '../../common/logger';
import type { OutboxDispatcher } from './outbox-dispatcher';

/**
 * The notification module's scheduled work (Asia/Shanghai): every minute the job runner makes one
 * process look at the outboxes (rows whose wake-up was missed, leases of processes that died); every
 * night delivered webhook events older than the retention go, in batches.
 */
export function defineNotificationJobs(
  jobs: Jobs,
  s: { ds: DataSource; dispatcher: OutboxDispatcher; webhookRetentionDays: number },
): void {
  jobs.define({
    name: 'notification.sweep',
    cron: '* * * * *',
    cronData: {},
    async run() {
      s.dispatcher.wake();
    },
  });
  jobs.define({
    name: 'notification.prune-webhooks',
    cron: '40 3 * * *',
    cronData: {},
    async run() {
      let pruned = 0;
      for (;;) {
        // An event goes when every delivery of it has ended and it is older than the retention.
        const [{ n }] = await s.ds.query(
          `WITH gone AS (
             DELETE FROM webhook_event e WHERE e.id IN (
               SELECT e.id FROM webhook_event e
                WHERE e.created_at < now() - make_interval(days => $1)
                  AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.event_id = e.id AND d.status IN ('PENDING', 'RETRYING'))
                LIMIT 5000)
             RETURNING 1)
           SELECT count(*)::int AS n FROM gone`,
          [s.webhookRetentionDays],
        );
        pruned += n;
        if (n < 5000) break;
      }
      logger.info({ pruned }, 'old webhook events pruned');
    },
  });
}
