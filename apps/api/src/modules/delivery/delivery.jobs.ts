import { Actor } from '../../common/actor';
import { Jobs } from '../../common/jobs';
import { logger } from '../../common/logger';
import { CourierPositionService } from './courier-position.service';
import { DeliveryPlanningService } from './delivery-planning.service';
import { RunWatch } from './run-watch';

const system = (jobId: string): Actor => ({ principal: null, requestId: `job:${jobId}`, clientIp: null });

/**
 * The delivery module's scheduled work (Asia/Shanghai): courier position partitions made ahead and
 * dropped after the retention (daily, and once at start); planning of waiting deliveries every quarter
 * hour of the delivery day; every minute, ETAs of running runs whose couriers went quiet, so a late
 * delivery is flagged even without new positions.
 */
export function defineDeliveryJobs(
  jobs: Jobs,
  s: { positions: CourierPositionService; planning: DeliveryPlanningService; watch: RunWatch },
): void {
  jobs.define({
    name: 'delivery.position-partitions',
    cron: '10 0 * * *',
    cronData: {},
    async run() {
      const dropped = await s.positions.maintainPartitions();
      logger.info({ dropped }, 'courier position partitions maintained');
    },
  });
  jobs.define({
    name: 'delivery.plan',
    cron: '*/15 8-20 * * *',
    cronData: {},
    async run(_data, { jobId }) {
      const r = await s.planning.plan({}, system(jobId));
      if (r.runs)
        logger.info({ runs: r.runs.map((x) => x.number), unplanned: r.unplanned?.length }, 'deliveries planned');
    },
  });
  jobs.define({
    name: 'delivery.eta-watch',
    cron: '* * * * *',
    cronData: {},
    async run(_data, { jobId }) {
      const runs = await s.watch.quietRuns(system(jobId));
      if (runs) logger.info({ runs }, 'ETAs of quiet runs recomputed');
    },
  });
}
