/**
 * Quality trace-back: the goods receipt an order line's units most likely came from, the last accepted
 * receipt of its product into the warehouse it was shipped from (its first shipped allocation) before
 * that allocation. Without lot tracking this is the most likely receipt, not a certain one. Joined to a
 * relation `l` exposing `order_id`, `line_no` and `product_id`; adds `g.id` (receipt) and `g.supplier_id`.
 */
export const SOURCE_RECEIPT_JOIN = `
  JOIN LATERAL (SELECT a.warehouse_id, a.created_at FROM order_allocation a
                 WHERE a.order_id = l.order_id AND a.line_no = l.line_no
                 ORDER BY (a.status = 'SHIPPED') DESC, a.created_at LIMIT 1) a ON true
  JOIN LATERAL (SELECT g.id, g.supplier_id
                  FROM goods_receipt_line gl JOIN goods_receipt g ON g.id = gl.goods_receipt_id
                 WHERE gl.product_id = l.product_id AND gl.accepted > 0
                   AND g.warehouse_id = a.warehouse_id AND g.received_at <= a.created_at
                 ORDER BY g.received_at DESC LIMIT 1) g ON true`;
