import { DataSource } from 'typeorm';
import { DomainEventHandlers } from '../common/domain-events';
import { Jobs } from '../common/jobs';
import { Mutations } from '../common/mutation';
import { AccessService } from '../modules/access/access.service';
import { AuthService, AuthSettings } from '../modules/access/auth.service';
import { AuditQueryService } from '../modules/audit/audit-query.service';
import { CustomerQueryService } from '../modules/customer/customer-query.service';
import { OrderQueryService } from '../modules/order/order-query.service';
import { OrderPlacementService } from '../modules/order/order-placement.service';
import { OrderRepository } from '../modules/order/order.repository';
import { OrderService } from '../modules/order/order.service';
import { OrderTransitions } from '../modules/order/order-transitions';
import { OverviewService } from '../modules/overview/overview.service';
import { ProductQueryService } from '../modules/product/product-query.service';
import { ReservationService } from '../modules/stock/reservation.service';
import { StockRepository } from '../modules/stock/stock.repository';
import { StockService } from '../modules/stock/stock.service';
import { WarehouseQueryService } from '../modules/warehouse/warehouse-query.service';
import { GoodsReceiptService } from '../modules/purchasing/goods-receipt.service';
import { PurchaseOrderService } from '../modules/purchasing/purchase-order.service';
import { PurchaseOrderTransitions } from '../modules/purchasing/purchase-order-transitions';
import { PurchasingQueryService } from '../modules/purchasing/purchasing-query.service';
import { RequirementService } from '../modules/purchasing/requirement.service';
import { ScorecardService } from '../modules/purchasing/scorecard.service';
import { SupplierService } from '../modules/purchasing/supplier.service';
import { definePurchasingJobs } from '../modules/purchasing/purchasing.jobs';
import { CarrierService } from '../modules/fulfilment/carrier.service';
import { FulfilmentQueryService } from '../modules/fulfilment/fulfilment-query.service';
import { PickListService } from '../modules/fulfilment/pick-list.service';
import { PickListTransitions } from '../modules/fulfilment/pick-list-transitions';
import { ShipmentService } from '../modules/fulfilment/shipment.service';
import { ShipmentTransitions } from '../modules/fulfilment/shipment-transitions';
import { defineFulfilmentJobs } from '../modules/fulfilment/fulfilment.jobs';
import { demoGeocoder, type Geocoder } from '@fulfilment/domain';
import { CourierPositionService } from '../modules/delivery/courier-position.service';
import { CourierService } from '../modules/delivery/courier.service';
import { DeliveryPlanningService } from '../modules/delivery/delivery-planning.service';
import { DeliveryQueryService } from '../modules/delivery/delivery-query.service';
import { DeliveryRunTransitions } from '../modules/delivery/delivery-run-transitions';
import { DeliveryService } from '../modules/delivery/delivery.service';
import { DeliveryTransitions } from '../modules/delivery/delivery-transitions';
import { defineDeliveryJobs } from '../modules/delivery/delivery.jobs';
import { RunProgress } from '../modules/delivery/run-progress';
import { RunWatch } from '../modules/delivery/run-watch';
import { ComplaintQueryService } from '../modules/complaint/complaint-query.service';
import { ComplaintSlaSweep } from '../modules/complaint/complaint-sla.service';
import { ComplaintService } from '../modules/complaint/complaint.service';
import { ComplaintTransitions } from '../modules/complaint/complaint-transitions';
import { defineComplaintJobs } from '../modules/complaint/complaint.jobs';
import { SurveyService } from '../modules/complaint/survey.service';
import { PaymentGateway, RecordingGateway } from '../modules/returns/payment-gateway';
import { ReturnQueryService } from '../modules/returns/return-query.service';
import { ReturnService } from '../modules/returns/return.service';
import { ReturnTransitions } from '../modules/returns/return-transitions';
import { EmailChannel, LoggedEmail, RecordingSms, SmsChannel, SmtpEmail } from '../modules/notification/channels';
import { NotificationQueryService } from '../modules/notification/notification-query.service';
import { NotificationSender } from '../modules/notification/notification-sender';
import { NotificationService } from '../modules/notification/notification.service';
import { defineNotificationJobs } from '../modules/notification/notification.jobs';
import { OutboxDispatcher } from '../modules/notification/outbox-dispatcher';
import { WebhookDispatch } from '../modules/notification/webhook-dispatch';
import { WebhookSender } from '../modules/notification/webhook-sender';
import { WebhookService } from '../modules/notification/webhook.service';

/** How the notification module reaches people; every field has a default for tests and the seed. */
export interface MessagingSettings {
  publicUrl?: string;
  smtpUrl?: string;
  mailFrom?: string;
  webhookAllowAddresses?: string[];
  webhookTimeoutMs?: number;
  webhookRetentionDays?: number;
  outboxRetryScale?: number;
  /** An SMS provider's adapter; default: the recorder. */
  sms?: SmsChannel;
  /** The payment provider's adapter for refunds; default: the recorder. */
  payments?: PaymentGateway;
}

/**
 * Builds every module's services once per process and wires the modules' reactions to each other:
 * typed handlers that run inside the emitting transaction (see common/domain-events.ts).
 */
export function createServices(
  ds: DataSource,
  auth: AuthSettings & { positionRetentionDays?: number } & MessagingSettings,
  geocoder: Geocoder = demoGeocoder,
) {
  const handlers = new DomainEventHandlers();
  const mutations = new Mutations(ds, handlers);
  const jobs = new Jobs();

  const stockRepo = new StockRepository();
  const reservations = new ReservationService(stockRepo);
  const stock = new StockService(ds, mutations, stockRepo);

  const orderRepo = new OrderRepository(stockRepo);
  const orderTransitions = new OrderTransitions(orderRepo, reservations);
  const orders = new OrderService(mutations, orderRepo, orderTransitions, reservations);
  const placement = new OrderPlacementService(ds, mutations, orderRepo, orderTransitions, reservations);

  const poTransitions = new PurchaseOrderTransitions();
  const suppliers = new SupplierService(mutations);
  const requirements = new RequirementService(ds, mutations);
  const purchaseOrders = new PurchaseOrderService(ds, mutations, poTransitions);
  const receipts = new GoodsReceiptService(mutations, poTransitions, stock);
  const scorecards = new ScorecardService(ds);
  definePurchasingJobs(jobs, { mutations, requirements, purchaseOrders, scorecards });

  const shipmentTransitions = new ShipmentTransitions(reservations);
  const pickLists = new PickListService(
    ds,
    mutations,
    new PickListTransitions(),
    shipmentTransitions,
    orderTransitions,
    reservations,
  );
  const shipments = new ShipmentService(mutations, shipmentTransitions, orderTransitions);
  defineFulfilmentJobs(jobs, { pickLists });

  const deliveryTransitions = new DeliveryTransitions(orderTransitions);
  const runTransitions = new DeliveryRunTransitions();
  const runProgress = new RunProgress(deliveryTransitions, runTransitions);
  const deliveryPlanning = new DeliveryPlanningService(mutations, deliveryTransitions, runTransitions);
  const deliveries = new DeliveryService(
    mutations,
    deliveryTransitions,
    runTransitions,
    deliveryPlanning,
    runProgress,
    geocoder,
  );
  const courierPositions = new CourierPositionService(ds, mutations, runProgress, auth.positionRetentionDays ?? 7);
  defineDeliveryJobs(jobs, {
    positions: courierPositions,
    planning: deliveryPlanning,
    watch: new RunWatch(ds, mutations, runProgress),
  });

  const webhookTimeoutMs = auth.webhookTimeoutMs ?? 15_000;
  // A claim outlives the longest attempt (the timeout) with room to record it; a crashed process's rows wait this long.
  const leaseSeconds = Math.ceil(webhookTimeoutMs / 1000) + 5;
  const email: EmailChannel = auth.smtpUrl
    ? new SmtpEmail(auth.smtpUrl, auth.mailFrom ?? 'noreply@fulfilment.local')
    : new LoggedEmail();
  const sms = auth.sms ?? new RecordingSms();
  const webhookSender = new WebhookSender(auth.webhookAllowAddresses ?? [], webhookTimeoutMs);
  const outbox = new OutboxDispatcher([
    new NotificationSender(ds, {
      email,
      sms,
      publicUrl: auth.publicUrl ?? 'http://localhost:4000',
      retryScale: auth.outboxRetryScale ?? 1,
      leaseSeconds,
    }),
    new WebhookDispatch(ds, webhookSender, auth.outboxRetryScale ?? 1, leaseSeconds),
  ]);
  defineNotificationJobs(jobs, { ds, dispatcher: outbox, webhookRetentionDays: auth.webhookRetentionDays ?? 14 });

  const payments = auth.payments ?? new RecordingGateway();
  const complaintTransitions = new ComplaintTransitions();
  const complaintSweep = new ComplaintSlaSweep(mutations, complaintTransitions);
  defineComplaintJobs(jobs, { sweep: complaintSweep });

  const authService = new AuthService(ds, auth);
  const access = new AccessService(ds, mutations);

  // Stock added (receipt, count, return) → waiting backorders are allocated first.
  handlers.on('STOCK_ADDED', async (tx, e) => {
    const released = await orders.allocateBackorders(tx, e.productIds);
    e.released?.push(...released);
  });
  // An order cancelled on the floor → its shipments are given up (refused once a part has shipped).
  handlers.on('ORDER_CANCELLED_ON_FLOOR', (tx, e) => pickLists.orderCancelled(tx, e));
  // A shipment left with the own fleet → it becomes a delivery waiting for planning.
  handlers.on('SHIPMENT_SHIPPED', (tx, e) => deliveries.createForShipment(tx, e));
  // A revocation committed → this process stops accepting the credential at once, before its own NOTIFY comes back.
  handlers.on('ACCESS_REVOKED', (tx, revoked) => tx.afterCommit(() => authService.credentials.forget(revoked)));
  handlers.seal();

  return {
    ds,
    mutations,
    jobs,
    stock,
    reservations,
    orders,
    placement,
    orderTransitions,
    orderQueries: new OrderQueryService(ds),
    customerQueries: new CustomerQueryService(ds),
    productQueries: new ProductQueryService(ds),
    warehouseQueries: new WarehouseQueryService(ds),
    suppliers,
    requirements,
    purchaseOrders,
    receipts,
    scorecards,
    purchasingQueries: new PurchasingQueryService(ds),
    pickLists,
    shipments,
    carriers: new CarrierService(mutations),
    fulfilmentQueries: new FulfilmentQueryService(ds),
    deliveries,
    deliveryPlanning,
    courierPositions,
    couriers: new CourierService(mutations),
    deliveryQueries: new DeliveryQueryService(ds),
    geocoder,
    auditQueries: new AuditQueryService(ds),
    auth: authService,
    access,
    overview: new OverviewService(ds),
    notifications: new NotificationService(ds, mutations),
    notificationQueries: new NotificationQueryService(ds),
    webhooks: new WebhookService(mutations, auth.webhookAllowAddresses ?? []),
    outbox,
    sms,
    complaints: new ComplaintService(mutations, complaintTransitions),
    complaintQueries: new ComplaintQueryService(ds),
    complaintSweep,
    surveys: new SurveyService(ds, mutations),
    returns: new ReturnService(mutations, new ReturnTransitions(), stock, payments, placement, orderTransitions),
    returnQueries: new ReturnQueryService(ds),
    payments,
    /** Closes the channels' connections (SMTP pool, webhook keep-alive sockets). */
    closeMessaging() {
      email.close();
      webhookSender.close();
    },
  };
}

export type Services = ReturnType<typeof createServices>;
