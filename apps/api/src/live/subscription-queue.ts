/** A subscriber this many results behind (not yet taken by its connection) is cut off; see LiveSubscription. */
export const MAX_QUEUED_PER_SUBSCRIBER = 1000;

/** The subscriber fell too far behind: it hears an error and must re-read what it missed (orderEvents). */
export class SlowSubscriberError extends Error {
  constructor() {
    super(
      `More than ${MAX_QUEUED_PER_SUBSCRIBER} live results were waiting for this subscriber; subscribe again and re-read missed events`,
    );
  }
}

/**
 * One subscriber's queue. Results wait here until its connection takes them, in publish order; a
 * subscriber that falls MAX_QUEUED_PER_SUBSCRIBER behind gets what is queued and then an error,
 * never a silent gap (and never an exception in the publisher, which would stop the process).
 *
 * With mapEagerly(), each value is handed to the mapping as soon as it arrives, not when the
 * connection asks for it: a subscriber busy sending one result already has the next being computed
 * (results still come out in order), so a busy feed does not wait for its events one after another.
 */
export class LiveSubscription<T> implements AsyncIterableIterator<T> {
  /** Values, or (once mapping) their started mappings. */
  private queue: unknown[] = [];
  private head = 0;
  private waiting: ((r: IteratorResult<T> | Promise<IteratorResult<T>>) => void) | null = null;
  private ended = false;
  private failure: Error | null = null;
  private mapper: ((value: unknown) => Promise<unknown>) | null = null;

  constructor(private readonly unsubscribe: (s: LiveSubscription<T>) => void) {}

  push(value: T): void {
    if (this.ended || this.failure) return;
    const item = this.mapper ? this.start(value) : value;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      w(this.resultOf(item));
    } else if (this.queue.length - this.head >= MAX_QUEUED_PER_SUBSCRIBER) {
      this.failure = new SlowSubscriberError();
      this.unsubscribe(this);
    } else this.queue.push(item);
  }

  next(): Promise<IteratorResult<T>> {
    if (this.head < this.queue.length) {
      const item = this.queue[this.head];
      this.queue[this.head++] = undefined;
      if (this.head === this.queue.length) {
        this.queue = [];
        this.head = 0;
      }
      return Promise.resolve(this.resultOf(item));
    }
    if (this.failure) {
      const e = this.failure;
      this.end();
      return Promise.reject(e);
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** From now on every value is mapped by `fn` when it arrives (queued ones at once); results come out in order. */
  mapEagerly<U>(fn: (value: T) => Promise<U>): AsyncIterableIterator<U> {
    this.mapper = fn as (value: unknown) => Promise<unknown>;
    for (let i = this.head; i < this.queue.length; i++) this.queue[i] = this.start(this.queue[i]);
    return this as unknown as AsyncIterableIterator<U>;
  }

  private start(value: unknown): Promise<unknown> {
    let p: Promise<unknown>;
    try {
      p = this.mapper!(value);
    } catch (e) {
      p = Promise.reject(e);
    }
    p.catch(() => undefined); // a failure is reported when its turn comes, not as an unhandled rejection
    return p;
  }

  private resultOf(item: unknown): IteratorResult<T> | Promise<IteratorResult<T>> {
    return this.mapper
      ? (item as Promise<T>).then((value) => ({ value, done: false }))
      : { value: item as T, done: false };
  }

  return(): Promise<IteratorResult<T>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(e: unknown): Promise<IteratorResult<T>> {
    this.end();
    return Promise.reject(e);
  }

  private end() {
    if (this.ended) return;
    this.ended = true;
    this.queue = [];
    this.head = 0;
    this.unsubscribe(this);
    const w = this.waiting;
    this.waiting = null;
    w?.({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

/**
 * Maps a stream from LivePubSub.subscribe eagerly (see LiveSubscription), or returns null for any
 * other async iterable.
 */
export function mapLiveEagerly<T, U>(
  stream: AsyncIterable<T>,
  fn: (value: T) => Promise<U>,
): AsyncIterableIterator<U> | null {
  return stream instanceof LiveSubscription ? (stream as LiveSubscription<T>).mapEagerly(fn) : null;
}
