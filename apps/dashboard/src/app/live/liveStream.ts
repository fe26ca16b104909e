import type { TypedDocumentNode } from '@apollo/client';
import type { Permission } from '../../gql/graphql';
import type { AppApolloClient } from '../apollo';

/** Events re-read after a reconnect, in write order, and where the next page starts. */
export interface ReplayPage<TEvent> {
  events: TEvent[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/**
 * One kind of live event, declared by the module that owns it and listed in app/liveStreams.ts.
 *
 * Each subscription result is written into the Apollo cache like any other result, so its selection
 * decides what changes on screen (an event carrying its order's new status moves that order's row
 * wherever it is shown). Pages that need more (a new row, a refetch) listen to the stream.
 */
export interface LiveStream<TEvent = unknown, TData = unknown> {
  /** Unique among the streams; names the stream's feed. */
  readonly name: string;
  /** The stream is opened only for users with this permission. */
  readonly permission: Permission;
  readonly subscription: TypedDocumentNode<TData, Record<string, never>>;
  /** The events in one subscription result. */
  events(data: TData): TEvent[];
  /**
   * The feed of recent events (at most 200): which events it keeps (default: all) and in which order
   * (default: newest arrival first).
   */
  readonly feed?: {
    keep?(event: TEvent, openedAt: number): boolean;
    order?(a: TEvent, b: TEvent): number;
  };
  /** For events the server keeps in write order: how to re-read those missed while the link was down. */
  readonly replay?: {
    /** A replayed event may also have arrived live; the id tells them apart. */
    id(event: TEvent): string;
    /** The event's position in write order, or null when it has none. */
    position(event: TEvent): bigint | null;
    /** The newest position before any event arrived, or null when unknown. */
    startingPoint(client: AppApolloClient): Promise<bigint | null>;
    /** The cursor of the first page after a position. */
    cursorAfter(position: bigint): string;
    page(client: AppApolloClient, after: string, first: number): Promise<ReplayPage<TEvent> | null>;
  };
}
