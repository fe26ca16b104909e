import { logger } from '../../common/logger';

/** One kind of outbox row the dispatcher works (customer notifications, webhook deliveries). */
export interface OutboxWork<T> {
  name: string;
  /** Claims up to `limit` due rows for a lease (SKIP LOCKED: processes never claim the same row). */
  claim(limit: number): Promise<T[]>;
  /** Sends one claimed row and records the outcome; answers when it is due again (a retry), or null. */
  process(row: T): Promise<Date | null>;
  /** When the next row falls due (retries, leases of crashed processes), or null when none waits. */
  nextDue(): Promise<Date | null>;
}

/** The longest the dispatcher sleeps without looking (a missed wake-up costs at most this). */
const MAX_SLEEP_MS = 30_000;

/**
 * Works the outboxes of every API process with JOBS on: woken by NOTIFY when rows commit, by a timer
 * when a retry falls due, and by the job runner's sweep. Rows are sent concurrently (at most
 * `maxInFlight` at once per process), each claimed under a lease: a process killed mid-send leaves its
 * rows to be claimed again when the lease ends, so nothing is lost and a receiver may see a row twice,
 * always with the same id.
 */
export class OutboxDispatcher {
  private inFlight = 0;
  private pumping = false;
  private again = false;
  private stopped = true;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private readonly running = new Set<Promise<void>>();
  private slotFreed: (() => void) | null = null;

  constructor(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    private readonly works: OutboxWork<any>[],
    private readonly maxInFlight = 16,
  ) {}

  /**
   * Starts working, and keeps listening to `wakeUps` (the OUTBOX_READY topic) until stopped. The
   * backlog left by a restart waits `firstLookAfterMs`, so it does not compete with the first requests.
   */
  start(wakeUps?: AsyncIterableIterator<unknown>, firstLookAfterMs = 0): void {
    this.stopped = false;
    if (wakeUps)
      void (async () => {
        for await (const _ of wakeUps) {
          if (this.stopped) break;
          this.wake();
        }
      })();
    this.schedule(Date.now() + firstLookAfterMs);
  }

  /** Looks for due rows now. */
  wake(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    void this.pump();
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      do {
        this.again = false;
        let claimedAny = true;
        while (claimedAny && !this.stopped) {
          claimedAny = false;
          for (const work of this.works) {
            while (this.inFlight >= this.maxInFlight) await new Promise<void>((r) => (this.slotFreed = r));
            if (this.stopped) return;
            const rows = await work.claim(this.maxInFlight - this.inFlight);
            if (rows.length) claimedAny = true;
            for (const row of rows) this.launch(work, row);
          }
        }
        if (!this.again) await this.sleepUntilDue();
      } while (this.again && !this.stopped);
    } catch (e) {
      logger.warn({ err: (e as Error).message }, 'outbox dispatcher could not claim work; trying again in 2 s');
      this.schedule(Date.now() + 2000);
    } finally {
      this.pumping = false;
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private launch(work: OutboxWork<any>, row: unknown): void {
    this.inFlight++;
    const p = work
      .process(row)
      .then((next) => {
        if (next) this.schedule(next.getTime());
      })
      .catch((e: Error) => {
        // The outcome could not be recorded: the lease runs out and the row is claimed again.
        logger.warn({ err: e.message, work: work.name }, 'outbox row not recorded; it is retried when its lease ends');
        this.schedule(Date.now() + 5000);
      })
      .finally(() => {
        this.inFlight--;
        this.running.delete(p);
        const freed = this.slotFreed;
        this.slotFreed = null;
        freed?.();
      });
    this.running.add(p);
  }

  private async sleepUntilDue(): Promise<void> {
    let at = Date.now() + MAX_SLEEP_MS;
    for (const work of this.works) {
      const due = await work.nextDue();
      if (due) at = Math.min(at, due.getTime());
    }
    this.schedule(at);
  }

  private schedule(at: number): void {
    if (this.stopped || at >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.timerAt = Infinity;
        this.wake();
      },
      Math.max(20, at - Date.now()),
    );
    this.timer.unref();
  }

  /** Stops claiming; waits for rows being sent (their outcome is recorded). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Infinity;
    this.slotFreed?.();
    await Promise.allSettled([...this.running]);
  }
}
