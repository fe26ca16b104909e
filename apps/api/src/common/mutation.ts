import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from './actor';
import { audit } from './audit';
import { DomainEventHandlers, DomainEvents } from './domain-events';
import { inTransaction } from './transaction';
import { UserError, UserFailure } from './user-error';

/** One transaction of one mutation, as the services see it. */
export interface Tx {
  readonly m: EntityManager;
  readonly actor: Actor;
  /** Tells other modules, whose handlers run now, in this transaction. */
  emit<K extends keyof DomainEvents>(name: K, event: DomainEvents[K]): Promise<void>;
  /** Runs once the transaction has committed; never after a rollback, once even when it was retried. */
  afterCommit(fn: () => void): void;
}

export interface MutationSpec {
  /** The audit action, e.g. PLACE_ORDER. */
  action: string;
  /** The audit target type of a failure row, e.g. Order. */
  targetType?: string;
  /** Input errors found before the transaction: nothing runs, the failure is audited. */
  invalid?: UserError[];
}

/** A payload's fields, or none of them with the userErrors that say why. */
export type MutationResult<R> = Partial<R> & { userErrors: UserError[] };

/**
 * The one write path. Every mutation of every module runs through run(): input errors are answered
 * without a transaction; the work runs in one transaction retried on deadlock or serialization
 * failure; a UserFailure thrown anywhere in it rolls everything back and becomes userErrors; every
 * failure is audited after the rollback (the success audit row is the work's own, written with the
 * change). Notifications are queued in the transaction (NOTIFY), so nothing is published before commit.
 */
export class Mutations {
  constructor(
    private readonly ds: DataSource,
    private readonly handlers: DomainEventHandlers,
  ) {}

  async run<R extends object>(
    actor: Actor,
    spec: MutationSpec,
    work: (tx: Tx) => Promise<R>,
  ): Promise<MutationResult<R>> {
    if (spec.invalid?.length) return this.rejected(actor, spec, spec.invalid);
    let committed: (() => void)[] = [];
    try {
      const result = await inTransaction(this.ds, (m) => {
        committed = [];
        return work(this.tx(m, actor, committed));
      });
      for (const fn of committed) fn();
      return { ...result, userErrors: [] };
    } catch (e) {
      if (e instanceof UserFailure) return this.rejected(actor, spec, e.errors);
      throw e;
    }
  }

  private tx(m: EntityManager, actor: Actor, committed: (() => void)[]): Tx {
    const tx: Tx = {
      m,
      actor,
      emit: (name, event) => this.handlers.emit(tx, name, event),
      afterCommit: (fn) => void committed.push(fn),
    };
    return tx;
  }

  private async rejected<R>(actor: Actor, spec: MutationSpec, userErrors: UserError[]): Promise<MutationResult<R>> {
    await audit(this.ds, actor, {
      action: spec.action,
      targetType: spec.targetType,
      outcome: 'FAILURE',
      details: { codes: userErrors.map((e) => e.code) },
    });
    return { userErrors } as MutationResult<R>;
  }
}
