import { AWAITING_GOODS_STATUSES, OPEN_PURCHASE_ORDER_STATUSES } from '@fulfilment/domain';

const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The purchase order status lists of packages/domain as SQL literals: written out (not a parameter) so
 * the planner matches the partial index on overdue orders.
 */
export const AWAITING_GOODS_SQL = sqlList(AWAITING_GOODS_STATUSES);
/** Statuses whose outstanding units count as on order. */
export const ON_ORDER_SQL = sqlList(OPEN_PURCHASE_ORDER_STATUSES);
