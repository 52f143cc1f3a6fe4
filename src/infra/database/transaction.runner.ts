import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** Runs work in one database transaction; repositories join it with `withManager(manager)`. */
@Injectable()
export class TransactionRunner {
  private readonly pending = new WeakMap<EntityManager, (() => void)[]>();

  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in a transaction; what it deferred with `afterCommit` runs once it has committed. */
  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    let deferred: (() => void)[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      deferred = [];
      this.pending.set(manager, deferred);
      try {
        return await work(manager);
      } finally {
        this.pending.delete(manager);
      }
    });
    for (const fn of deferred) fn();
    return result;
  }

  /**
   * Defers `fn` (typically emitting a domain event) until the transaction of
   * `manager` has committed, and drops it if the transaction rolls back.
   * Outside a transaction of this runner it runs at once.
   */
  afterCommit(manager: EntityManager | undefined, fn: () => void): void {
    const queue = manager ? this.pending.get(manager) : undefined;
    if (queue) queue.push(fn);
    else fn();
  }
}
