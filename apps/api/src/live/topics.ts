/**
 * The typed topic map: publishing a wrong payload for a topic does not compile. A topic carries
 * `[message]`, or `[id, message]` when it is routed by id (a subscriber of one order hears that order
 * only). Each module declares its topics in its `<module>.events.ts` by declaration merging:
 * `declare module '../../live/topics' { interface Topics { STOCK_ALERT: [StockAlertMessage] } }`.
 */
export interface Topics {
  /**
   * Local only: the relay listens again after losing its database connection, so whatever was
   * committed in between reached no subscriber of this process (see LiveEventRelay).
   */
  LIVE_GAP: [LiveGapMessage];
}

export interface LiveGapMessage {
  /** When the relay lost its connection, or listened again after losing it. */
  at: string;
}

/** Topics that never leave the process. */
type LocalTopic = 'LIVE_GAP';

/** Topics routed by id: `[id, message]`. */
export type RoutedTopic = { [K in keyof Topics]: Topics[K] extends [string, unknown] ? K : never }[keyof Topics];

/** Topics that travel through PostgreSQL NOTIFY: every topic of one message that is not local. */
export type ChannelTopic = Exclude<
  { [K in keyof Topics]: Topics[K] extends [unknown] ? K : never }[keyof Topics],
  LocalTopic
>;

/** What a subscriber of topic K names: the id of a routed topic, nothing otherwise. */
export type Routed<K extends keyof Topics> = Topics[K] extends [infer Id, unknown] ? [id: Id] : [];

/** The message a topic carries. */
export type MessageOf<K extends keyof Topics> = Topics[K] extends [unknown, infer M] ? M : Topics[K][0];

/** Routed topics that carry the messages of channel topic K. */
type RoutesOf<K extends ChannelTopic> = {
  [R in RoutedTopic]: MessageOf<K> extends MessageOf<R> ? R : never;
}[RoutedTopic];

/**
 * A topic that travels through PostgreSQL NOTIFY on the channel named like the topic in lower case.
 * With a route, the relay also publishes each message to `routeTo` under the id `routeKey` gives.
 */
export interface LiveChannel {
  topic: ChannelTopic;
  routeTo?: RoutedTopic;
  routeKey?: (message: never) => string;
}

export function liveChannel<K extends ChannelTopic, R extends RoutesOf<K>>(
  topic: K,
  route?: { to: R; key: (message: MessageOf<K>) => string },
): LiveChannel {
  return route ? { topic, routeTo: route.to, routeKey: route.key } : { topic };
}

/** The NOTIFY channel of a topic: order_event for ORDER_EVENT. */
export function channelOf(topic: ChannelTopic): string {
  return topic.toLowerCase();
}
