import { Jobs } from '../../common/jobs';
import { logger } from '../../common/logger';
import { ComplaintSlaSweep } from './complaint-sla.service';

/** The complaint clock: every minute, complaints whose next look is due are read against their deadlines. */
export function defineComplaintJobs(jobs: Jobs, s: { sweep: ComplaintSlaSweep }): void {
  jobs.define({
    name: 'complaint.sla-sweep',
    cron: '* * * * *',
    cronData: {},
    async run(_data, { jobId }) {
      const changed = await s.sweep.run({ principal: null, requestId: `job:${jobId}`, clientIp: null });
      if (changed) logger.info({ changed }, 'complaint clocks swept');
    },
  });
}
