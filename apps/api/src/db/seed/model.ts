import type {
  CreditStatus,
  HoldReason,
  MovementReason,
  OrderStatus,
  PaymentMethod,
  PaymentStatus,
  Region,
} from '@fulfilment/domain';
import type {
  AllocationStatus,
  OrderEventType,
  OrderPriority,
  PackagingNeed,
  SalesChannel,
  WarehouseKind,
} from '../../common/enums';

/** In-memory rows of the demo data set; times are epoch milliseconds. */

export interface WarehouseSeed {
  id: string;
  code: string;
  name: string;
  region: Region;
  city: string;
  kind: WarehouseKind;
  createdAt: number;
  /** Staff names used as actors for work done here. */
  staff: readonly string[];
}

export interface ProductSeed {
  id: string;
  sku: string;
  name: string;
  spec: string;
  category: string;
  unitPriceFen: number;
  packaging: PackagingNeed[];
  unitWeightG: number;
  /** Bin code, the same in every warehouse, e.g. A-03-2. */
  bin: string;
  active: boolean;
  createdAt: number;
  /** Relative share of order lines. */
  popularity: number;
  /** Usual quantity range of one retail order line. */
  quantity: readonly [number, number];
}

export interface CustomerSeed {
  id: string;
  name: string;
  phone: string;
  email: string | null;
  address: string;
  city: string;
  region: Region;
  isNew: boolean;
  creditStatus: CreditStatus;
  createdAt: number;
  /** Relative share of orders. */
  activity: number;
  /** Shops and offices that buy wholesale. */
  business: boolean;
}

export interface Delivery {
  contactName: string;
  phone: string;
  address: string;
  city: string;
  region: Region;
}

export interface StockLevelSeed {
  id: string;
  product: ProductSeed;
  warehouse: WarehouseSeed;
  onHand: number;
  reserved: number;
  /** Thresholds the simulated buyers reorder by; the stored ones are settled at the end. */
  reorderPoint: number;
  capacity: number;
  lowThreshold: number;
  highThreshold: number;
  updatedAt: number;
  restockDue: boolean;
  supplyStopped: boolean;
  promoted: boolean;
}

export interface MovementSeed {
  level: StockLevelSeed;
  reason: MovementReason;
  onHandDelta: number;
  reservedDelta: number;
  onHandAfter: number;
  reservedAfter: number;
  reference: string | null;
  note: string | null;
  actor: string;
  at: number;
}

export interface OrderLineSeed {
  id: string;
  lineNo: number;
  product: ProductSeed;
  quantity: number;
}

export interface AllocationSeed {
  id: string;
  lineNo: number;
  product: ProductSeed;
  level: StockLevelSeed;
  quantity: number;
  status: AllocationStatus;
  at: number;
}

export interface OrderEventSeed {
  type: OrderEventType;
  from: OrderStatus | null;
  to: OrderStatus;
  reason: string | null;
  actor: string;
  at: number;
}

export interface OrderSeed {
  id: string;
  number: string;
  channel: SalesChannel;
  customer: CustomerSeed;
  delivery: Delivery;
  paymentMethod: PaymentMethod;
  paymentStatus: PaymentStatus;
  priority: OrderPriority;
  promisedBy: number;
  status: OrderStatus;
  holdReasons: HoldReason[];
  statusReason: string | null;
  allowBackorder: boolean;
  subtotalFen: number;
  deliveryFeeFen: number;
  totalFen: number;
  note: string | null;
  requestHash: string;
  createdAt: number;
  updatedAt: number;
  lines: OrderLineSeed[];
  allocations: AllocationSeed[];
  events: OrderEventSeed[];
}

export type SupplierTier = 'EXCELLENT' | 'GOOD' | 'WATCH' | 'BLOCKED';

/** How a supplier delivers; the purchasing history draws lateness and rejections from it. */
export interface ReliabilityProfile {
  /** Chance a delivery arrives by the promised date. */
  onTime: number;
  /** Share of receipt lines with rejected units, and the share of units rejected on them. */
  rejectShare: number;
  rejectRate: readonly [number, number];
  /** How many days late a late delivery is. */
  lateDays: readonly [number, number];
  /** Offer prices as a share of the retail price. */
  priceFactor: readonly [number, number];
}

export interface SupplierSeed {
  id: string;
  code: string;
  name: string;
  contactName: string;
  phone: string;
  email: string | null;
  address: string;
  regions: Region[];
  homeRegion: Region;
  categories: string[];
  status: 'QUALIFIED' | 'PROBATION' | 'SUSPENDED';
  statusReason: string | null;
  /** When it was suspended: nothing is ordered from it after. */
  suspendedAt: number | null;
  tier: SupplierTier;
  profile: ReliabilityProfile;
  createdAt: number;
}

export interface OfferSeed {
  id: string;
  supplier: SupplierSeed;
  product: ProductSeed;
  unitPriceFen: number;
  leadTimeDays: number;
  minOrderQty: number;
  packMultiple: number;
}

export type RejectionReason = 'DAMAGED' | 'WRONG_SPEC' | 'QUALITY' | 'EXPIRED';

export interface PurchaseOrderLineSeed {
  id: string;
  lineNo: number;
  offer: OfferSeed;
  quantity: number;
  quotedLeadDays: number;
  /** Calendar days (YYYY-MM-DD) in Shanghai. */
  promisedDate: string | null;
  expectedDate: string | null;
  received: number;
  accepted: number;
  rejected: number;
}

export interface GoodsReceiptLineSeed {
  id: string;
  line: PurchaseOrderLineSeed;
  received: number;
  accepted: number;
  rejected: number;
  reason: RejectionReason | null;
  /** The ledger's RECEIPT movement that booked the accepted units (none before the ledger starts). */
  movement: MovementSeed | null;
}

export interface GoodsReceiptSeed {
  id: string;
  number: string;
  order: PurchaseOrderSeed;
  actor: string;
  at: number;
  lines: GoodsReceiptLineSeed[];
}

export interface PurchaseOrderEventSeed {
  type: 'CREATED' | 'STATUS_CHANGED' | 'EXPEDITED' | 'RECEIVED' | 'OVERDUE';
  from: string | null;
  to: string;
  reason: string | null;
  actor: string;
  at: number;
  /** The receipt a RECEIVED event (or the status change it caused) names; `{GR}` in the reason is its number. */
  receipt: GoodsReceiptSeed | null;
}

export interface PurchaseOrderContactSeed {
  note: string;
  newExpectedDate: string | null;
  actor: string;
  at: number;
}

export interface PurchaseOrderSeed {
  id: string;
  number: string;
  supplier: SupplierSeed;
  warehouse: WarehouseSeed;
  status: string;
  note: string | null;
  createdBy: string;
  statusReason: string | null;
  sentAt: number | null;
  confirmedAt: number | null;
  receivedAt: number | null;
  closedAt: number | null;
  cancelledAt: number | null;
  lastExpeditedAt: number | null;
  overdueFlaggedAt: number | null;
  createdAt: number;
  lines: PurchaseOrderLineSeed[];
  receipts: GoodsReceiptSeed[];
  events: PurchaseOrderEventSeed[];
  contacts: PurchaseOrderContactSeed[];
}

export interface SeedSummary {
  warehouses: number;
  products: number;
  customers: number;
  stockLevels: number;
  stockMovements: number;
  orders: number;
  orderLines: number;
  orderAllocations: number;
  orderEvents: number;
  lastOrderNumber: string | null;
  suppliers: number;
  purchaseOrders: number;
  goodsReceipts: number;
}
