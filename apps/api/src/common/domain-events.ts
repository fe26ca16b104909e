import type { Tx } from './mutation';

/**
 * What a module tells others happened inside a transaction. Each module adds its events here by
 * declaration merging in its `<module>.events.ts`:
 * `declare module '../../common/domain-events' { interface DomainEvents { STOCK_ADDED: StockAdded } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEvents {}

export type DomainEventHandler<K extends keyof DomainEvents> = (tx: Tx, event: DomainEvents[K]) => Promise<void> | void;

/**
 * Handlers of other modules' events, run inside the transaction that emits the event, so the
 * reaction commits or rolls back with the change (goods received → stock added → backorders
 * allocated). Registered once while the services are wired (app/services.ts), then fixed.
 */
export class DomainEventHandlers {
  private readonly handlers = new Map<keyof DomainEvents, DomainEventHandler<never>[]>();
  private sealed = false;

  on<K extends keyof DomainEvents>(name: K, handler: DomainEventHandler<K>): this {
    if (this.sealed) throw new Error(`handlers are fixed once the services run; ${String(name)} registered too late`);
    const list = this.handlers.get(name) ?? [];
    list.push(handler as DomainEventHandler<never>);
    this.handlers.set(name, list);
    return this;
  }

  /** No handler may be added from now on. */
  seal(): void {
    this.sealed = true;
  }

  /** Runs the handlers of `name` one after another, in registration order. */
  async emit<K extends keyof DomainEvents>(tx: Tx, name: K, event: DomainEvents[K]): Promise<void> {
    for (const handler of this.handlers.get(name) ?? []) await (handler as DomainEventHandler<K>)(tx, event);
  }
}
