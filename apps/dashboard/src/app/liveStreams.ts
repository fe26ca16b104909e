import type { LiveStream } from './live/liveStream';
import { orderStream } from '../modules/orders/live/orderStream';
import { purchaseOrderStream } from '../modules/purchasing/live/purchaseOrderStream';
import { stockStream } from '../modules/stock/live/stockStream';

/** Every module's live streams, opened in this order for the users who may read them. */
export const LIVE_STREAMS: readonly LiveStream[] = [orderStream, stockStream, purchaseOrderStream];
