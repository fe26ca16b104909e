import { DataSource } from 'typeorm';
import { byIdLoader, childrenLoader } from '../../common/loaders';
import { Carrier } from './carrier.entity';
import { PickListEvent, ShipmentEvent } from './fulfilment-event.entity';
import { PickList, PickListLine } from './pick-list.entity';
import { CheckError, Package, Shipment, ShipmentLine } from './shipment.entity';

/** Pick lists, shipments, carriers and their parts: one statement per kind. */
export function fulfilmentLoaders(ds: DataSource, cache: boolean) {
  return {
    pickList: byIdLoader(ds, PickList, cache),
    shipment: byIdLoader(ds, Shipment, cache),
    carrier: byIdLoader(ds, Carrier, cache),
    pickListLines: childrenLoader(ds, PickListLine, 'pick_list_id', (l) => l.pickListId, 't.seq', cache),
    pickListShipments: childrenLoader(ds, Shipment, 'pick_list_id', (s) => s.pickListId, 't.number', cache),
    pickListEvents: childrenLoader(ds, PickListEvent, 'pick_list_id', (e) => e.pickListId, 't.sequence', cache),
    shipmentsOfOrder: childrenLoader(ds, Shipment, 'order_id', (s) => s.orderId, 't.created_at, t.id', cache),
    shipmentLines: childrenLoader(ds, ShipmentLine, 'shipment_id', (l) => l.shipmentId, 't.line_no, t.id', cache),
    packages: childrenLoader(ds, Package, 'shipment_id', (p) => p.shipmentId, 't.seq', cache),
    checkErrors: childrenLoader(ds, CheckError, 'shipment_id', (e) => e.shipmentId, 't.created_at, t.id', cache),
    shipmentEvents: childrenLoader(ds, ShipmentEvent, 'shipment_id', (e) => e.shipmentId, 't.sequence', cache),
  };
}
