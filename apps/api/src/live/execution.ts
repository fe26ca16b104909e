import { createHash } from 'node:crypto';
import {
  createSourceEventStream,
  DocumentNode,
  execute,
  ExecutionArgs,
  ExecutionResult,
  GraphQLError,
  GraphQLSchema,
  parse,
  validate,
  ValidationRule,
} from 'graphql';
import type { DataSource } from 'typeorm';
import { Context, createContext } from '../app/context';
import { createLoaders, Loaders } from '../app/loaders';
import { LIMITS } from '../common/limits';
import { TextMemo } from '../common/text-memo';
import { mapLiveEagerly } from './subscription-queue';

/**
 * How live results are computed. Everything read for one event is shared by all subscribers of that
 * event in this process, instead of N subscribers of an event making N reads of the same order (and
 * customer, stock level…):
 *
 * - Loaders per event: one set of (caching) loaders per published message object, so the order of
 *   an event is read once however many subscribers select it, and rows are as fresh as the event.
 * - Results per event and kind of subscriber: subscribers with the same document, variables and
 *   permissions get the same result, so it is computed once and shared. Personal data shown in it
 *   is audited for every subscriber it is sent to (personalDataShownBy), and errors are masked per
 *   subscriber. Access checks run per subscriber when it subscribes.
 * - Started on arrival: a subscription's next results are computed while it is still sending the
 *   previous one (they are sent in order), so a busy feed does not serialise on its reads.
 */

const loadersOfEvent = new WeakMap<object, Loaders>();
const resultsOfEvent = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();
/** Owners of personal data each shared result shows unmasked ("Customer:<id>", "Order:<id>"). */
const personalDataOf = new WeakMap<ExecutionResult, readonly string[]>();

/** Whose personal data a live result shows unmasked: audited for every subscriber it is sent to. */
export function personalDataShownBy(result: ExecutionResult): readonly string[] {
  return personalDataOf.get(result) ?? [];
}

/** Loaders of the events relayed in the current turn of the event loop; see loadersForEvent. */
let loadersOfTurn: Loaders | null = null;

/**
 * The loaders every subscriber of this event shares; they live as long as the event is referenced.
 * Events that arrive together (the CONFIRMED and ALLOCATED events of one approval, commits close
 * together) share one set, so their order is read once.
 */
export function loadersForEvent(ds: DataSource, event: object): Loaders {
  let loaders = loadersOfEvent.get(event);
  if (!loaders) {
    if (!loadersOfTurn) {
      loadersOfTurn = createLoaders(ds, true);
      setImmediate(() => (loadersOfTurn = null));
    }
    loadersOfEvent.set(event, (loaders = loadersOfTurn));
  }
  return loaders;
}

/**
 * What makes two subscriptions' results equal for the same event: their permissions, operation name,
 * variables and query text, as one SHA-256 (a subscription keeps its key while it is open, so the key
 * is small whatever the texts).
 */
export function shareKey(
  query: string,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  ctx: Context,
): string {
  const permissions = [...(ctx.actor.principal?.permissions ?? [])].sort().join(',');
  return createHash('sha256')
    .update(`${permissions}\u0000${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}\u0000${query}`)
    .digest('base64');
}

/**
 * graphql-ws's `subscribe`: graphql-js's, except that each event is executed once per share key in
 * this process (see above) instead of once per subscriber. `key` is shareKey(...) of the subscription;
 * `ds` is where the event's loaders read.
 */
export async function liveSubscribe(
  args: ExecutionArgs,
  key: string,
  ds: () => DataSource,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!isAsyncIterable(stream)) return stream;
  const own = args.contextValue as Context;
  const resultOf = (event: unknown): Promise<ExecutionResult> => {
    if (typeof event !== 'object' || event === null) return Promise.resolve(execute({ ...args, rootValue: event }));
    let results = resultsOfEvent.get(event);
    if (!results) resultsOfEvent.set(event, (results = new Map()));
    let shared = results.get(key);
    if (!shared) {
      const ctx = createContext(own.services, own.actor, loadersForEvent(ds(), event));
      shared = Promise.resolve(execute({ ...args, rootValue: event, contextValue: ctx })).then((result) => {
        if (ctx.piiShown.size) personalDataOf.set(result, [...ctx.piiShown]);
        return result;
      });
      results.set(key, shared);
    }
    return shared;
  };
  return mapLiveEagerly(stream, resultOf) ?? mapAsyncIterator(stream, resultOf);
}

function isAsyncIterable(x: unknown): x is AsyncIterable<unknown> {
  return typeof x === 'object' && x !== null && Symbol.asyncIterator in x;
}

/**
 * Maps an async iterator like graphql-js does for subscriptions: return() goes straight to the
 * source, so ending an idle subscription does not wait for its next event.
 */
function mapAsyncIterator<T, U>(iterable: AsyncIterable<T>, fn: (value: T) => Promise<U>): AsyncIterableIterator<U> {
  const iterator = iterable[Symbol.asyncIterator]();
  const failed = async (e: unknown): Promise<never> => {
    await iterator.return?.().catch(() => undefined);
    throw e;
  };
  const mapResult = (r: IteratorResult<T>): Promise<IteratorResult<U>> | IteratorResult<U> => {
    if (r.done) return r;
    try {
      return fn(r.value).then((value) => ({ value, done: false }), failed);
    } catch (e) {
      return failed(e);
    }
  };
  return {
    next() {
      return iterator.next().then(mapResult);
    },
    async return() {
      return iterator.return ? mapResult(await iterator.return()) : { value: undefined, done: true };
    },
    async throw(e: unknown) {
      if (iterator.throw) return mapResult(await iterator.throw(e));
      throw e;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * Parsed and validated subscription documents by query text. Thousands of dashboards send the same
 * few documents: they share one syntax tree (memory) and are parsed and validated once (CPU). What it
 * keeps is bounded in bytes of query text; a longer document is parsed per subscription.
 */
export class DocumentCache {
  private readonly documents: TextMemo<{ document: DocumentNode; errors: readonly GraphQLError[] }>;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: readonly ValidationRule[],
    maxBytes = 1024 * 1024,
    maxQueryBytes = 20_000,
  ) {
    this.documents = new TextMemo(maxBytes, maxQueryBytes);
  }

  /** The document and its validation errors; throws what parse throws. */
  parseAndValidate(query: string): { document: DocumentNode; errors: readonly GraphQLError[] } {
    const hit = this.documents.get(query);
    if (hit) return hit;
    const document = parse(query, { maxTokens: LIMITS.maxTokens });
    const entry = { document, errors: validate(this.schema, document, this.rules) };
    this.documents.set(query, entry);
    return entry;
  }
}
