import { Actor } from '../../common/actor';
import { Jobs } from '../../common/jobs';
import { logger } from '../../common/logger';
import type { Mutations } from '../../common/mutation';
import { PurchaseOrderService } from './purchase-order.service';
import { RequirementService } from './requirement.service';
import { ScorecardService } from './scorecard.service';

const system = (jobId: string): Actor => ({ principal: null, requestId: `job:${jobId}`, clientIp: null });

/**
 * The purchasing module's scheduled work (Asia/Shanghai): at 06:00 finished months are scored (so
 * standings are fresh), then requirements are computed for every warehouse; at 08:00 open purchase
 * orders past their expected date are flagged for expediting (a live alert).
 */
export function definePurchasingJobs(
  jobs: Jobs,
  s: {
    mutations: Mutations;
    requirements: RequirementService;
    purchaseOrders: PurchaseOrderService;
    scorecards: ScorecardService;
  },
): void {
  jobs.define({
    name: 'purchasing.requirements',
    cron: '0 6 * * *',
    cronData: {},
    async run(_data, { jobId }) {
      const scored = await s.scorecards.scoreFinishedMonths();
      const actor = system(jobId);
      await s.mutations.run(actor, { action: 'GENERATE_PURCHASE_REQUIREMENTS' }, async (tx) => ({
        result: await s.requirements.generateIn(tx, null),
      }));
      logger.info({ periods: scored.periods }, 'morning purchasing run done');
    },
  });
  jobs.define({
    name: 'purchasing.expediting',
    cron: '0 8 * * *',
    cronData: {},
    async run(_data, { jobId }) {
      const flagged = await s.purchaseOrders.flagOverdue(system(jobId));
      logger.info({ flagged }, 'overdue purchase orders flagged');
    },
  });
}
