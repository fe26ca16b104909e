import type { LiveStream } from './live/liveStream';
import { complaintStream } from '../modules/complaints/live/complaintStream';
import { slaAlertStream } from '../modules/complaints/live/slaAlertStream';
import { blockedAreaStream } from '../modules/delivery/live/blockedAreaStream';
import { deliveryRunStream } from '../modules/delivery/live/deliveryRunStream';
import { deliveryStream } from '../modules/delivery/live/deliveryStream';
import { pickListStream } from '../modules/fulfilment/live/pickListStream';
import { shipmentStream } from '../modules/fulfilment/live/shipmentStream';
import { orderStream } from '../modules/orders/live/orderStream';
import { purchaseOrderStream } from '../modules/purchasing/live/purchaseOrderStream';
import { returnStream } from '../modules/returns/live/returnStream';
import { stockStream } from '../modules/stock/live/stockStream';

/** Every module's live streams, opened in this order for the users who may read them. */
export const LIVE_STREAMS: readonly LiveStream[] = [
  orderStream,
  stockStream,
  purchaseOrderStream,
  pickListStream,
  shipmentStream,
  deliveryStream,
  deliveryRunStream,
  blockedAreaStream,
  complaintStream,
  slaAlertStream,
  returnStream,
];
