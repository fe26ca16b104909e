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
}
