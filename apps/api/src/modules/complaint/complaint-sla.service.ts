import { readSla } from '@fulfilment/domain';
import type { Actor } from '../../common/actor';
import { Mutations } from '../../common/mutation';
import { hydrate } from '../../common/rows';
import { Complaint } from './complaint.entity';
import { clockOf, ComplaintChange, ComplaintTransitions, setClock } from './complaint-transitions';

/** Complaints a sweep looks at in one transaction. */
const BATCH = 1000;

/**
 * The complaint clock's sweep (the job runner, every minute): complaints whose next look is due are
 * locked (SKIP LOCKED: two processes never take the same one) and read against their deadlines; a
 * complaint turning at risk is escalated to managers once (escalated_at), each breach is recorded
 * once (its flag), and the state and next look are written with the events, which go out live.
 */
export class ComplaintSlaSweep {
  constructor(
    private readonly mutations: Mutations,
    private readonly transitions: ComplaintTransitions,
  ) {}

  /** Sweeps until nothing is due at `now`; answers how many complaints changed. */
  async run(actor: Actor, now = Date.now()): Promise<number> {
    let changed = 0;
    for (;;) {
      const r = await this.mutations.run(
        actor,
        { action: 'SWEEP_COMPLAINT_SLA', targetType: 'Complaint' },
        async (tx) => {
          const rows = await tx.m.query(
            `SELECT k.* FROM complaint_clock cc JOIN complaint k ON k.id = cc.complaint_id
              WHERE cc.next_check_at <= $1 ORDER BY cc.next_check_at LIMIT $2 FOR UPDATE OF k SKIP LOCKED`,
            [new Date(now), BATCH],
          );
          let n = 0;
          const changes: ComplaintChange[] = [];
          for (const row of rows) {
            const c = this.transitions.begin(tx, hydrate(tx.m, Complaint, row), now);
            const k = c.complaint;
            const before = k.slaState;
            const dueBefore = k.dueAt.getTime();
            const reading = readSla(k.slaPolicy, clockOf(k), now);
            if (reading.state === 'AT_RISK' && before === 'ON_TRACK' && k.resolvedAt === null) {
              const which = reading.kind === 'RESPONSE' ? 'first response' : 'resolution';
              c.record(
                'SLA_AT_RISK',
                `Less than a quarter of the ${which} time is left (due ${new Date(reading.dueAt).toISOString()})`,
              );
            }
            if (reading.responseBreached && !k.responseBreached && k.respondedAt === null) {
              k.responseBreached = true;
              c.record('SLA_BREACHED', 'The first response is late');
            }
            if (reading.resolutionBreached && !k.resolutionBreached) {
              k.resolutionBreached = true;
              c.record('SLA_BREACHED', 'The resolution is late');
            }
            // A resolved complaint's clock has stopped: only its breaches are recorded, nobody is alerted.
            if (
              (reading.state === 'AT_RISK' || reading.state === 'BREACHED') &&
              k.escalatedAt === null &&
              k.resolvedAt === null
            ) {
              k.escalatedAt = new Date(now);
              c.record('ESCALATED', `Escalated to managers: ${reading.state === 'AT_RISK' ? 'at risk' : 'breached'}`);
            }
            setClock(k, clockOf(k), now);
            c.readingChanged = k.slaState !== before || k.dueAt.getTime() !== dueBefore;
            if (c.events.length) n++;
            changes.push(c);
          }
          // One statement for the whole batch; the wide rows only where the reading changed (bench 14).
          await this.transitions.saveClocks(tx, changes);
          return { swept: rows.length as number, changed: n };
        },
      );
      changed += r.changed ?? 0;
      if ((r.swept ?? 0) < BATCH) return changed;
    }
  }
}
