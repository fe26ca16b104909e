import { CombinedGraphQLErrors } from '@apollo/client';
import type { Subscription } from 'rxjs';
import type { AppApolloClient } from '../apollo';
import type { LiveConnection } from './liveConnection';
import type { LiveStream } from './liveStream';

export interface CatchUpState {
  catchingUp: boolean;
  /** The last catch-up: how many missed events were replayed, and whether that was all of them. */
  lastCatchUp: { at: number; replayed: number; complete: boolean } | null;
}

interface LiveEventsSnapshot {
  /** Each stream's events since the dashboard was opened, by stream name (at most RECENT_LIMIT). */
  feeds: Readonly<Record<string, readonly unknown[]>>;
  catchUp: CatchUpState;
}

const RECENT_LIMIT = 200;
const CATCH_UP_PAGE = 100;
const CATCH_UP_MAX_PAGES = 20;
const SEEN_LIMIT = 5_000;

type Listener = (events: unknown[]) => void;

/** What the hub keeps for one open stream. */
interface OpenStream {
  stream: LiveStream;
  sub: Subscription | null;
  listeners: Set<Listener>;
  /** Replayable streams: ids received, so a replayed event that already arrived is not passed on twice. */
  seen: Set<string>;
  /** Replayable streams: the newest position received, where the next catch-up starts. */
  position: bigint | null;
}

interface LiveEventsOptions {
  /** The streams this user may read, in the order they are opened. */
  streams: readonly LiveStream[];
  /** The server refused the live link's credential (4401/4403): renew it; false when the session ended. */
  onAuthRejected: () => Promise<boolean>;
}

/**
 * The session's live events: one subscription per stream, shared by all pages. The subscriptions write
 * into the Apollo cache; pages listen to a stream to add rows or refetch. After the link was down, the
 * events missed meanwhile are re-read in write order from the streams that can replay and passed on
 * again, then active queries are refetched.
 */
export class LiveEvents {
  private snapshot: LiveEventsSnapshot;
  private readonly snapshotListeners = new Set<() => void>();
  private readonly open: OpenStream[];
  private readonly openedAt = Date.now();
  private authRetry: Promise<boolean> | null = null;
  private stopped = false;
  private readonly cleanups: (() => void)[] = [];
  private catchUpRunning: Promise<void> | null = null;

  constructor(
    private readonly client: AppApolloClient,
    private readonly live: LiveConnection,
    private readonly options: LiveEventsOptions,
  ) {
    this.open = options.streams.map((stream) => ({
      stream,
      sub: null,
      listeners: new Set(),
      seen: new Set(),
      position: null,
    }));
    this.snapshot = {
      feeds: Object.fromEntries(options.streams.map((s) => [s.name, []])),
      catchUp: { catchingUp: false, lastCatchUp: null },
    };
  }

  start() {
    for (const s of this.open) {
      this.subscribeTo(s);
      if (s.stream.replay) void this.loadStartingPoint(s);
    }
    this.cleanups.push(this.live.onReconnected(() => void this.catchUp()));
  }

  stop() {
    this.stopped = true;
    for (const s of this.open) {
      s.sub?.unsubscribe();
      s.listeners.clear();
    }
    this.cleanups.forEach((c) => c());
    this.snapshotListeners.clear();
  }

  getSnapshot = () => this.snapshot;

  subscribe = (listener: () => void) => {
    this.snapshotListeners.add(listener);
    return () => void this.snapshotListeners.delete(listener);
  };

  /** Calls `listener` with each batch of new events of `stream` (live, or replayed after a reconnect). */
  on<TEvent>(stream: LiveStream<TEvent>, listener: (events: TEvent[]) => void) {
    const s = this.open.find((o) => o.stream.name === stream.name);
    if (!s) return () => undefined;
    const l = listener as Listener;
    s.listeners.add(l);
    return () => void s.listeners.delete(l);
  }

  private setSnapshot(next: Partial<LiveEventsSnapshot>) {
    this.snapshot = { ...this.snapshot, ...next };
    this.snapshotListeners.forEach((l) => l());
  }

  private subscribeTo(s: OpenStream) {
    s.sub = this.client.subscribe({ query: s.stream.subscription }).subscribe({
      next: (result) => {
        if (result.error) return void this.resubscribe(s, result.error);
        const events = result.data ? s.stream.events(result.data) : [];
        if (events.length) this.receive(s, events);
      },
      error: (e: unknown) => void this.resubscribe(s, e),
      complete: () => void this.resubscribe(s, null),
    });
  }

  /** A subscription ended: renew the credential if that was the cause, then subscribe again. */
  private async resubscribe(s: OpenStream, error: unknown) {
    s.sub?.unsubscribe();
    if (this.stopped) return;
    const code = this.live.lastCloseCode();
    if (error && CombinedGraphQLErrors.is(error)) {
      // Over the caller's rate limit (shared with HTTP): subscribe again once it allows. Any other
      // GraphQL error (no permission, invalid document) will not go away by retrying.
      const limited = error.errors.find((e) => e.extensions?.code === 'RATE_LIMITED');
      if (!limited) return;
      const seconds = Number(limited.extensions?.retryAfter) || 10;
      await new Promise((r) => setTimeout(r, seconds * 1_000 + Math.random() * 2_000));
    } else if (code === 4401 || code === 4403) {
      this.authRetry ??= this.options.onAuthRejected().finally(() => (this.authRetry = null));
      if (!(await this.authRetry.catch(() => false))) return;
    } else {
      await new Promise((r) => setTimeout(r, 2_000 + Math.random() * 2_000));
    }
    if (this.stopped) return;
    this.subscribeTo(s);
  }

  private advance(s: OpenStream, pos: bigint | null) {
    if (pos !== null && (s.position === null || pos > s.position)) s.position = pos;
  }

  private remember(s: OpenStream, event: unknown): boolean {
    const replay = s.stream.replay;
    if (!replay) return true;
    const id = replay.id(event);
    if (s.seen.has(id)) return false;
    s.seen.add(id);
    if (s.seen.size > SEEN_LIMIT) {
      const oldest = s.seen.values().next().value;
      if (oldest !== undefined) s.seen.delete(oldest);
    }
    this.advance(s, replay.position(event));
    return true;
  }

  private receive(s: OpenStream, events: unknown[]) {
    const fresh = events.filter((e) => this.remember(s, e));
    if (!fresh.length) return;
    const { keep, order } = s.stream.feed ?? {};
    const shown = keep ? fresh.filter((e) => keep(e, this.openedAt)) : fresh;
    if (shown.length) {
      const merged = [...shown, ...(this.snapshot.feeds[s.stream.name] ?? [])];
      if (order) merged.sort(order);
      this.setSnapshot({ feeds: { ...this.snapshot.feeds, [s.stream.name]: merged.slice(0, RECENT_LIMIT) } });
    }
    s.listeners.forEach((l) => l(fresh));
  }

  /** Before any live event has arrived, the server's newest event marks where catch-up starts. */
  private async loadStartingPoint(s: OpenStream) {
    try {
      this.advance(s, (await s.stream.replay?.startingPoint(this.client)) ?? null);
    } catch {
      /* No starting point: a reconnect will refetch instead of replaying. */
    }
  }

  /** Re-reads the events written while the link was down, replays them, and refreshes what is shown. */
  catchUp(): Promise<void> {
    this.catchUpRunning ??= this.runCatchUp().finally(() => (this.catchUpRunning = null));
    return this.catchUpRunning;
  }

  private async runCatchUp() {
    if (this.stopped) return;
    this.setSnapshot({ catchUp: { ...this.snapshot.catchUp, catchingUp: true } });
    let replayed = 0;
    let complete = true;
    try {
      for (const s of this.open) {
        const replay = s.stream.replay;
        if (!replay) continue;
        if (s.position === null) {
          complete = false;
          continue;
        }
        let after = replay.cursorAfter(s.position);
        for (let page = 0; ; page++) {
          if (page >= CATCH_UP_MAX_PAGES) {
            complete = false;
            break;
          }
          const result = await replay.page(this.client, after, CATCH_UP_PAGE);
          if (!result) break;
          const before = s.seen.size;
          this.receive(s, result.events);
          replayed += Math.max(0, s.seen.size - before);
          if (!result.hasNextPage || !result.endCursor) break;
          after = result.endCursor;
        }
      }
      // Whatever was replayed or not, the lists on screen are brought up to date.
      await this.client.refetchQueries({ include: 'active' });
    } catch {
      complete = false;
    } finally {
      if (!this.stopped)
        this.setSnapshot({ catchUp: { catchingUp: false, lastCatchUp: { at: Date.now(), replayed, complete } } });
    }
  }
}
