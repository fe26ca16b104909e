import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { searchable } from '@fulfilment/domain';
import { ORDER_STATUSES, REGIONS } from '@fulfilment/domain';
import { businessDayStartIso } from '../../../app/format';
import type { OrderFilter, OrderStatus, Region, SalesChannel } from '../../../gql/graphql';

export const SALES_CHANNELS: SalesChannel[] = ['WEB', 'MOBILE_APP', 'PARTNER', 'OFFLINE_STORE', 'WHOLESALE', 'CUSTOM'];
export const ALL_STATUSES = ORDER_STATUSES as readonly OrderStatus[];
export const ALL_REGIONS = REGIONS as readonly Region[];

/** The filters of the orders table, kept in the URL so a view can be shared and survives reload. */
export interface OrderFilterValues {
  status: OrderStatus[];
  channel: SalesChannel | '';
  region: Region | '';
  warehouse: string;
  from: string;
  to: string;
  search: string;
  customerId: string;
  customerName: string;
}

const EMPTY: OrderFilterValues = {
  status: [],
  channel: '',
  region: '',
  warehouse: '',
  from: '',
  to: '',
  search: '',
  customerId: '',
  customerName: '',
};

export function useOrderFilters() {
  const [params, setParams] = useSearchParams();

  const values = useMemo<OrderFilterValues>(() => {
    const status = (params.get('status') ?? '')
      .split(',')
      .filter((s): s is OrderStatus => (ALL_STATUSES as readonly string[]).includes(s));
    const channel = params.get('channel') ?? '';
    const region = params.get('region') ?? '';
    return {
      status,
      channel: (SALES_CHANNELS as string[]).includes(channel) ? (channel as SalesChannel) : '',
      region: (ALL_REGIONS as readonly string[]).includes(region) ? (region as Region) : '',
      warehouse: params.get('warehouse') ?? '',
      from: params.get('from') ?? '',
      to: params.get('to') ?? '',
      search: params.get('q') ?? '',
      customerId: params.get('customer') ?? '',
      customerName: params.get('customerName') ?? '',
    };
  }, [params]);

  const update = useCallback(
    (patch: Partial<OrderFilterValues>) => {
      const next = { ...values, ...patch };
      const p = new URLSearchParams();
      if (next.status.length) p.set('status', next.status.join(','));
      if (next.channel) p.set('channel', next.channel);
      if (next.region) p.set('region', next.region);
      if (next.warehouse) p.set('warehouse', next.warehouse);
      if (next.from) p.set('from', next.from);
      if (next.to) p.set('to', next.to);
      if (next.search) p.set('q', next.search);
      if (next.customerId) {
        p.set('customer', next.customerId);
        if (next.customerName) p.set('customerName', next.customerName);
      }
      setParams(p, { replace: true });
    },
    [values, setParams],
  );

  const reset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  const active = JSON.stringify(values) !== JSON.stringify(EMPTY);
  return { values, update, reset, active };
}

/** "000123", "SO20261122-000123", "20261122": worth matching against order numbers (names are not). */
export function isOrderNumberLike(text: string): boolean {
  const t = text.trim();
  // An 11-digit number starting with 1 is a mobile phone: that finds a customer, not an order.
  return /^(so)?[\d-]*\d[\d-]*$/i.test(t) && !/^1\d{10}$/.test(t);
}

/** The API filter for the form values ("to" is inclusive: the whole day, Shanghai time). */
export function toOrderFilter(v: OrderFilterValues, search: string): OrderFilter {
  const filter: OrderFilter = {};
  if (v.status.length) filter.status = v.status;
  if (v.channel) filter.channel = [v.channel];
  if (v.region) filter.region = [v.region];
  if (v.warehouse) filter.warehouseCode = v.warehouse;
  const after = v.from ? businessDayStartIso(v.from) : null;
  const before = v.to ? businessDayStartIso(v.to, 1) : null;
  if (after) filter.createdAfter = after;
  if (before) filter.createdBefore = before;
  if (isOrderNumberLike(search) && searchable(search)) filter.search = search.trim().toUpperCase();
  if (v.customerId) filter.customerId = v.customerId;
  return filter;
}
