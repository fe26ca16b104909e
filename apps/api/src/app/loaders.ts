import { DataSource } from 'typeorm';
import { accessLoaders } from '../modules/access/access.loaders';
import { deliveryLoaders } from '../modules/delivery/delivery.loaders';
import { customerLoaders } from '../modules/customer/customer.loaders';
import { fulfilmentLoaders } from '../modules/fulfilment/fulfilment.loaders';
import { complaintLoaders } from '../modules/complaint/complaint.loaders';
import { returnLoaders } from '../modules/returns/return.loaders';
import { notificationLoaders } from '../modules/notification/notification.loaders';
import { orderLoaders } from '../modules/order/order.loaders';
import { productLoaders } from '../modules/product/product.loaders';
import { purchasingLoaders } from '../modules/purchasing/purchasing.loaders';
import { stockLoaders } from '../modules/stock/stock.loaders';
import { warehouseLoaders } from '../modules/warehouse/warehouse.loaders';

/** Every module's loaders for one request (or one live event): `ctx.loaders`. */
export function createLoaders(ds: DataSource, cache = true) {
  const catalog = { ...productLoaders(ds, cache), ...warehouseLoaders(ds, cache) };
  return {
    ...catalog,
    ...accessLoaders(ds, cache),
    ...customerLoaders(ds, cache),
    ...stockLoaders(ds, cache),
    ...orderLoaders(ds, cache, catalog),
    ...purchasingLoaders(ds, cache),
    ...fulfilmentLoaders(ds, cache),
    ...deliveryLoaders(ds, cache),
    ...notificationLoaders(ds, cache),
    ...complaintLoaders(ds, cache),
    ...returnLoaders(ds, cache),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
