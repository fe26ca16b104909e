import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWarehouses } from '../../catalog/hooks/useWarehouses';
import { OrderSearchBox } from './OrderSearchBox';
import { ALL_REGIONS, ALL_STATUSES, SALES_CHANNELS, type OrderFilterValues } from '../hooks/useOrderFilters';

interface Props {
  values: OrderFilterValues;
  search: string;
  onSearchChange: (text: string) => void;
  onChange: (patch: Partial<OrderFilterValues>) => void;
  onReset: () => void;
  active: boolean;
}

export function OrderFilters({ values, search, onSearchChange, onChange, onReset, active }: Props) {
  const { t } = useTranslation();
  const { warehouses } = useWarehouses();
  const statusRef = useRef<HTMLDetailsElement>(null);
  const [statusOpen, setStatusOpen] = useState(false);

  useEffect(() => {
    if (!statusOpen) return;
    const close = (e: MouseEvent) => {
      if (!statusRef.current?.contains(e.target as Node)) statusRef.current?.removeAttribute('open');
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [statusOpen]);

  const toggleStatus = (s: (typeof ALL_STATUSES)[number]) =>
    onChange({ status: values.status.includes(s) ? values.status.filter((x) => x !== s) : [...values.status, s] });

  return (
    <section className="filters" aria-label={t('orders.filters.title')}>
      <OrderSearchBox
        text={search}
        onTextChange={onSearchChange}
        onPickCustomer={(c) => onChange({ customerId: c.id, customerName: c.name })}
      />

      <div className="field">
        <span className="field-label" id="status-filter-label">
          {t('orders.filters.status')}
        </span>
        <details
          ref={statusRef}
          className="multi-select"
          onToggle={(e) => setStatusOpen((e.target as HTMLDetailsElement).open)}
        >
          <summary aria-labelledby="status-filter-label status-filter-value">
            <span id="status-filter-value">
              {values.status.length === 0
                ? t('common.all')
                : values.status.length === 1
                  ? t(`orderStatus.${values.status[0]}`)
                  : t('orders.filters.statusCount', { count: values.status.length })}
            </span>
          </summary>
          <fieldset className="multi-select-panel">
            <legend className="sr-only">{t('orders.filters.status')}</legend>
            {ALL_STATUSES.map((s) => (
              <label key={s} className="check">
                <input type="checkbox" checked={values.status.includes(s)} onChange={() => toggleStatus(s)} />
                {t(`orderStatus.${s}`)}
              </label>
            ))}
            {values.status.length > 0 && (
              <button type="button" className="btn btn-small" onClick={() => onChange({ status: [] })}>
                {t('common.clear')}
              </button>
            )}
          </fieldset>
        </details>
      </div>

      <div className="field">
        <label htmlFor="channel-filter" className="field-label">
          {t('orders.filters.channel')}
        </label>
        <select
          id="channel-filter"
          value={values.channel}
          onChange={(e) => onChange({ channel: e.target.value as OrderFilterValues['channel'] })}
        >
          <option value="">{t('common.all')}</option>
          {SALES_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channel.${c}`)}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor="region-filter" className="field-label">
          {t('orders.filters.region')}
        </label>
        <select
          id="region-filter"
          value={values.region}
          onChange={(e) => onChange({ region: e.target.value as OrderFilterValues['region'] })}
        >
          <option value="">{t('common.all')}</option>
          {ALL_REGIONS.map((r) => (
            <option key={r} value={r}>
              {t(`region.${r}`)}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor="warehouse-filter" className="field-label">
          {t('orders.filters.warehouse')}
        </label>
        <select
          id="warehouse-filter"
          value={values.warehouse}
          onChange={(e) => onChange({ warehouse: e.target.value })}
        >
          <option value="">{t('common.all')}</option>
          {warehouses.map((w) => (
            <option key={w.code} value={w.code}>
              {w.code} · {w.name}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor="from-filter" className="field-label">
          {t('orders.filters.from')}
        </label>
        <input
          id="from-filter"
          type="date"
          value={values.from}
          max={values.to || undefined}
          onChange={(e) => onChange({ from: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="to-filter" className="field-label">
          {t('orders.filters.to')}
        </label>
        <input
          id="to-filter"
          type="date"
          value={values.to}
          min={values.from || undefined}
          onChange={(e) => onChange({ to: e.target.value })}
        />
      </div>

      {values.customerId && (
        <div className="field">
          <span className="field-label">{t('orders.filters.customer')}</span>
          <span className="chip">
            {values.customerName || t('orders.filters.oneCustomer')}
            <button
              type="button"
              className="chip-remove"
              aria-label={t('orders.filters.removeCustomer')}
              onClick={() => onChange({ customerId: '', customerName: '' })}
            >
              ×
            </button>
          </span>
        </div>
      )}

      {active && (
        <button type="button" className="btn btn-ghost filters-reset" onClick={onReset}>
          {t('orders.filters.reset')}
        </button>
      )}
    </section>
  );
}
