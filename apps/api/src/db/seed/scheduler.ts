interface Task {
  at: number;
  order: number;
  run: (at: number) => void;
}

/**
 * Runs the simulated history in time order (ties in the order they were scheduled). Anything due at
 * or after `until` has not happened yet and is dropped, which leaves recent orders mid-way.
 */
export class Scheduler {
  private readonly heap: Task[] = [];
  private scheduled = 0;
  private clock = -Infinity;

  constructor(readonly until: number) {}

  get now(): number {
    return this.clock;
  }

  /** Schedules work; a time before the clock runs at the clock, so history never goes backwards. */
  at(time: number, run: (at: number) => void): void {
    const at = Math.max(Math.floor(time), this.clock);
    if (at >= this.until) return;
    this.push({ at, order: this.scheduled++, run });
  }

  runAll(): void {
    for (let task = this.pop(); task; task = this.pop()) {
      this.clock = task.at;
      task.run(task.at);
    }
  }

  private before(a: Task, b: Task): boolean {
    return a.at < b.at || (a.at === b.at && a.order < b.order);
  }

  private push(task: Task): void {
    const h = this.heap;
    h.push(task);
    for (let i = h.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.before(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  private pop(): Task | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let min = i;
        if (l < h.length && this.before(h[l], h[min])) min = l;
        if (r < h.length && this.before(h[r], h[min])) min = r;
        if (min === i) break;
        [h[i], h[min]] = [h[min], h[i]];
        i = min;
      }
    }
    return top;
  }
}
