import { ACCESS_CHANNELS } from '../modules/access/access.events';
import { ORDER_CHANNELS } from '../modules/order/order.events';
import { STOCK_CHANNELS } from '../modules/stock/stock.events';

/** Every module's topics that travel through PostgreSQL NOTIFY: what the relay listens to. */
export const LIVE_CHANNELS = [...ORDER_CHANNELS, ...STOCK_CHANNELS, ...ACCESS_CHANNELS];
