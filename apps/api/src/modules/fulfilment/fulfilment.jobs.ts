import { Actor } from '../../common/actor';
import { Jobs } from '../../common/jobs';
import { logger } from '../../common/logger';
import { PickListService } from './pick-list.service';

const system = (jobId: string): Actor => ({ principal: null, requestId: `job:${jobId}`, clientIp: null });

/**
 * The fulfilment module's scheduled work (Asia/Shanghai): every half hour of the warehouses' shift
 * (07:00–21:30) a pick wave, one list per warehouse with allocated orders waiting, most urgent first;
 * staff create lists of their own in between.
 */
export function defineFulfilmentJobs(jobs: Jobs, s: { pickLists: PickListService }): void {
  jobs.define({
    name: 'fulfilment.pick-wave',
    cron: '0,30 7-21 * * *',
    cronData: {},
    async run(_data, { jobId }) {
      const lists = await s.pickLists.createWave(system(jobId));
      logger.info({ lists: lists.map((l) => `${l.number} ${l.warehouseCode}`) }, 'pick wave created');
    },
  });
}
