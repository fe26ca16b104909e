import { DataSource } from 'typeorm';
import { logger } from './logger';

interface KeyState {
  /** When the key's window ends (ms since the epoch): the shared counter's once it has answered. */
  windowEnd: number;
  /** The key's total in the shared counter when it last answered this process (this process's flushed counts included). */
  known: number;
  /** Counted here and not yet added to the shared counter. */
  pending: number;
}

/** Keys remembered at most; the oldest windows are dropped first when there are more. */
const MAX_KEYS = 100_000;
/** Counters whose window ended this long ago are deleted, by each process every PRUNE_EVERY_MS. */
const PRUNE_AFTER_MS = 60 * 60_000;
const PRUNE_EVERY_MS = 5 * 60_000;

/**
 * A budget of requests per key and fixed window, one budget however many API processes or machines
 * count it: the counters are rows of `rate_limit` (key, points, expire) in PostgreSQL.
 *
 * Counting a request must not cost a statement each (that was a sixth of placeOrder's statements, and
 * all of one integrator's requests queued on one row): while a key's total is below half its budget,
 * requests are counted in memory and added to the shared counter by one statement for all keys every
 * `flushEveryMs`, which also tells this process what the others counted (keys past a quarter of their
 * budget are read back even when this process counted nothing new). From half the budget on, each
 * request adds itself (and what is pending) at once and is decided on the shared total. So a budget is
 * exact in one process; across processes, what the others counted in memory reaches the shared total
 * within `flushEveryMs`, which bounds how far a caller spreading requests over several processes can
 * go past its budget. A key over budget is refused from memory until its window ends. While the table
 * cannot be reached, each process decides on what it counted itself.
 */
export class SharedBudget {
  private readonly keys = new Map<string, KeyState>();
  private readonly timers: NodeJS.Timeout[];
  private flushing: Promise<void> | null = null;
  private warned = false;

  constructor(
    private readonly ds: DataSource,
    private readonly prefix: string,
    readonly points: number,
    private readonly windowMs = 60_000,
    flushEveryMs = 250,
  ) {
    this.timers = [
      setInterval(() => void this.flush(), flushEveryMs).unref(),
      setInterval(() => void this.prune(), PRUNE_EVERY_MS).unref(),
    ];
  }

  /** Counts one request: null within the budget, else the seconds until the window ends. */
  async consume(key: string): Promise<number | null> {
    const now = Date.now();
    const s = this.state(key, now);
    if (s.known + s.pending >= this.points) return this.wait(s, now);
    s.pending++;
    if (s.known + s.pending <= this.points / 2) return null;
    await this.sync(key, s);
    return s.known + s.pending > this.points ? this.wait(s, Date.now()) : null;
  }

  /** Without counting: the seconds until the key may be counted again when it used its budget, else null. */
  async blocked(key: string): Promise<number | null> {
    const now = Date.now();
    const s = this.state(key, now);
    if (s.known + s.pending < this.points / 2) return null;
    if (s.known + s.pending < this.points) await this.sync(key, s);
    return s.known + s.pending >= this.points ? this.wait(s, Date.now()) : null;
  }

  /** Adds what is pending to the shared counters, then stops counting into them. */
  async stop(): Promise<void> {
    this.timers.forEach(clearInterval);
    await this.flush();
  }

  /** Deletes this budget's counters whose window ended over an hour ago. */
  async prune(): Promise<void> {
    await this.ds
      .query(`DELETE FROM rate_limit WHERE left(key, length($1)) = $1 AND expire < $2`, [
        `${this.prefix}:`,
        Date.now() - PRUNE_AFTER_MS,
      ])
      .catch((e: unknown) => this.unreachable(e));
  }

  private state(key: string, now: number): KeyState {
    let s = this.keys.get(key);
    if (!s || s.windowEnd <= now) {
      if (!s && this.keys.size >= MAX_KEYS) this.forgetOldest(now);
      s = { windowEnd: now + this.windowMs, known: 0, pending: 0 };
      this.keys.set(key, s);
    }
    return s;
  }

  private wait(s: KeyState, now: number): number {
    return Math.max(1, Math.ceil((s.windowEnd - now) / 1000));
  }

  /** Adds this key's pending counts now and learns its shared total. */
  private async sync(key: string, s: KeyState): Promise<void> {
    const n = s.pending;
    s.pending -= n;
    try {
      const [row] = await this.add([key], [n]);
      this.learn(s, row);
    } catch (e) {
      s.pending += n;
      this.unreachable(e);
    }
  }

  /** One statement for every key with pending counts. */
  private flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    // Keys with counts to add, and keys past a quarter of their budget, whose total this process should know.
    const now = Date.now();
    const due = [...this.keys]
      .filter(([, s]) => s.pending > 0 || (s.known >= this.points / 4 && s.windowEnd > now))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (due.length === 0) return Promise.resolve();
    const counts = due.map(([, s]) => s.pending);
    due.forEach(([, s]) => (s.pending = 0));
    this.flushing = this.add(
      due.map(([k]) => k),
      counts,
    )
      .then((rows) => {
        const byKey = new Map(rows.map((r) => [r.key, r]));
        for (const [k, s] of due) {
          const row = byKey.get(`${this.prefix}:${k}`);
          if (row) this.learn(s, row);
        }
        this.warned = false;
      })
      .catch((e: unknown) => {
        due.forEach(([, s], i) => (s.pending += counts[i]));
        this.unreachable(e);
      })
      .finally(() => (this.flushing = null));
    return this.flushing;
  }

  /**
   * Adds counts to the shared counters (keys in sorted order, so two processes' batches lock rows in
   * the same order); a counter whose window ended starts a new one. A key with nothing to add is only
   * read (a counter in its window): reading back must not start a window nor bring back a pruned row.
   * Answers each counter's total and end.
   */
  private async add(keys: string[], counts: number[]): Promise<{ key: string; points: number; expire: string }[]> {
    const now = Date.now();
    return this.ds.query(
      `WITH t AS (SELECT * FROM unnest($1::varchar[], $2::int[]) AS t(k, n)),
       added AS (
         INSERT INTO rate_limit (key, points, expire)
         SELECT k, n, $3::bigint FROM t WHERE n > 0
         ON CONFLICT (key) DO UPDATE SET
           points = CASE WHEN rate_limit.expire IS NULL OR rate_limit.expire <= $4 THEN excluded.points ELSE rate_limit.points + excluded.points END,
           expire = CASE WHEN rate_limit.expire IS NULL OR rate_limit.expire <= $4 THEN excluded.expire ELSE rate_limit.expire END
         RETURNING key, points, expire)
       SELECT * FROM added
       UNION ALL
       SELECT r.key, r.points, r.expire FROM rate_limit r JOIN t ON r.key = t.k WHERE t.n = 0 AND r.expire > $4`,
      [keys.map((k) => `${this.prefix}:${k}`), counts, now + this.windowMs, now],
    );
  }

  private learn(s: KeyState, row: { points: number; expire: string }): void {
    const end = Number(row.expire);
    // Answers of two statements in flight may arrive in either order: the larger total of a window is the later.
    s.known = end === s.windowEnd ? Math.max(s.known, row.points) : row.points;
    s.windowEnd = end;
  }

  private unreachable(e: unknown): void {
    if (this.warned) return;
    this.warned = true;
    logger.warn(
      { err: (e as Error).message, budget: this.prefix },
      'rate-limit counters unreachable; counting in this process alone',
    );
  }

  private forgetOldest(now: number): void {
    for (const [k, s] of this.keys) if (s.windowEnd <= now || s.pending === 0) this.keys.delete(k);
    if (this.keys.size >= MAX_KEYS) this.keys.delete(this.keys.keys().next().value!);
  }
}
