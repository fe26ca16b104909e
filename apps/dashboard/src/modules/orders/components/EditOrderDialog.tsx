import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADDRESS_EDITABLE_STATUSES, LINE_EDITABLE_STATUSES, REGIONS } from '@fulfilment/domain';
import { useFormat } from '../../../app/format';
import type { OrderDetailFragment, Region, UpdateOrderInput } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import { InlineMessage } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { ProductPicker } from '../../catalog/components/ProductPicker';
import type { OutcomeMessage } from '../../../app/useMutationOutcome';

interface Line {
  sku: string;
  name: string;
  spec: string;
  quantity: number;
  unitFen: number;
}

interface Props {
  open: boolean;
  order: OrderDetailFragment;
  busy: boolean;
  failure: OutcomeMessage[] | null;
  onSave: (input: UpdateOrderInput) => void;
  onClose: () => void;
}

function linesOf(order: OrderDetailFragment): Line[] {
  return order.lines.map((l) => ({
    sku: l.sku,
    name: l.productName,
    spec: l.spec,
    quantity: l.quantity,
    unitFen: l.unitPrice.fen,
  }));
}

/** Changes lines (before picking), delivery address (before shipment) or note, with the customer's reason. */
export function EditOrderDialog({ open, order, busy, failure, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const id = useId();
  const linesEditable = (LINE_EDITABLE_STATUSES as readonly string[]).includes(order.status);
  // Only someone who sees the real address may change it (otherwise the masked text would be saved).
  const addressEditable =
    (ADDRESS_EDITABLE_STATUSES as readonly string[]).includes(order.status) && can('CUSTOMER_PII_READ');
  const [lines, setLines] = useState<Line[]>(() => linesOf(order));
  const [address, setAddress] = useState(order.delivery);
  const [note, setNote] = useState(order.note ?? '');
  const [reason, setReason] = useState('');
  const [nothing, setNothing] = useState(false);

  useEffect(() => {
    if (!open) return;
    setLines(linesOf(order));
    setAddress(order.delivery);
    setNote(order.note ?? '');
    setReason('');
    setNothing(false);
    // Reset only when the dialog opens, not when a live update re-renders the order.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const original = linesOf(order);
  const linesChanged =
    JSON.stringify(lines.map((l) => [l.sku, l.quantity])) !== JSON.stringify(original.map((l) => [l.sku, l.quantity]));
  const addressChanged = JSON.stringify(address) !== JSON.stringify(order.delivery);
  const noteChanged = note !== (order.note ?? '');
  const subtotal = lines.reduce((s, l) => s + l.unitFen * l.quantity, 0);
  const invalidQty = lines.some((l) => !Number.isInteger(l.quantity) || l.quantity < 1);

  const save = () => {
    if (!linesChanged && !addressChanged && !noteChanged) {
      setNothing(true);
      return;
    }
    const input: UpdateOrderInput = { orderId: order.id };
    if (linesChanged) input.lines = lines.map((l) => ({ sku: l.sku, quantity: l.quantity }));
    if (addressChanged) {
      const { contactName, phone, address: street, city, region } = address;
      input.deliveryAddress = { contactName, phone, address: street, city, region };
    }
    if (noteChanged) input.note = note;
    if (reason.trim()) input.reason = reason.trim();
    onSave(input);
  };

  const setLine = (i: number, patch: Partial<Line>) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  return (
    <Dialog
      open={open}
      wide
      title={t('orders.edit.title', { number: order.number })}
      onClose={onClose}
      onSubmit={save}
      submitLabel={t('orders.edit.save')}
      busy={busy}
      submitDisabled={invalidQty || lines.length === 0}
    >
      <div className="stack">
        <section aria-labelledby={`${id}-lines`}>
          <h3 id={`${id}-lines`}>{t('orders.lines.title')}</h3>
          {!linesEditable && <p className="muted small">{t('orders.edit.linesLocked')}</p>}
          <table className="data-table compact">
            <thead>
              <tr>
                <th scope="col">{t('orders.lines.product')}</th>
                <th scope="col" className="num">
                  {t('orders.lines.unitPrice')}
                </th>
                <th scope="col" className="num">
                  {t('orders.lines.quantity')}
                </th>
                <th scope="col" className="num">
                  {t('orders.lines.lineTotal')}
                </th>
                {linesEditable && (
                  <th scope="col">
                    <span className="sr-only">{t('common.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr key={l.sku}>
                  <td>
                    <code>{l.sku}</code> {l.name} <span className="muted small">{l.spec}</span>
                  </td>
                  <td className="num">{f.money(l.unitFen)}</td>
                  <td className="num">
                    {linesEditable ? (
                      <input
                        type="number"
                        className="qty-input"
                        min={1}
                        max={9999}
                        step={1}
                        value={Number.isNaN(l.quantity) ? '' : l.quantity}
                        aria-label={t('orders.edit.quantityOf', { sku: l.sku })}
                        aria-invalid={!Number.isInteger(l.quantity) || l.quantity < 1}
                        onChange={(e) => setLine(i, { quantity: e.target.valueAsNumber })}
                      />
                    ) : (
                      f.number(l.quantity)
                    )}
                  </td>
                  <td className="num">{f.money(l.unitFen * (Number.isNaN(l.quantity) ? 0 : l.quantity))}</td>
                  {linesEditable && (
                    <td>
                      <button
                        type="button"
                        className="btn btn-small btn-ghost"
                        disabled={lines.length === 1}
                        onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                        aria-label={t('orders.edit.removeLine', { sku: l.sku })}
                      >
                        {t('orders.edit.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('orders.lines.subtotal')}
                </th>
                <td className="num">{f.money(subtotal)}</td>
                {linesEditable && <td />}
              </tr>
            </tfoot>
          </table>
          {linesEditable && (
            <div className="add-line">
              <ProductPicker
                label={t('orders.edit.addProduct')}
                onSelect={(p) =>
                  setLines((ls) =>
                    ls.some((l) => l.sku === p.sku)
                      ? ls.map((l) => (l.sku === p.sku ? { ...l, quantity: l.quantity + 1 } : l))
                      : [...ls, { sku: p.sku, name: p.name, spec: p.spec, quantity: 1, unitFen: p.unitPrice.fen }],
                  )
                }
              />
            </div>
          )}
        </section>

        <section aria-labelledby={`${id}-address`}>
          <h3 id={`${id}-address`}>{t('orders.delivery.title')}</h3>
          {!addressEditable ? (
            <p className="muted small">{t('orders.edit.addressLocked')}</p>
          ) : (
            <div className="form-grid">
              <div className="field">
                <label className="field-label" htmlFor={`${id}-contact`}>
                  {t('orders.delivery.contactName')}
                </label>
                <input
                  id={`${id}-contact`}
                  value={address.contactName}
                  onChange={(e) => setAddress({ ...address, contactName: e.target.value })}
                />
              </div>
              <div className="field">
                <label className="field-label" htmlFor={`${id}-phone`}>
                  {t('orders.delivery.phone')}
                </label>
                <input
                  id={`${id}-phone`}
                  type="tel"
                  value={address.phone}
                  onChange={(e) => setAddress({ ...address, phone: e.target.value })}
                />
              </div>
              <div className="field">
                <label className="field-label" htmlFor={`${id}-region`}>
                  {t('orders.delivery.region')}
                </label>
                <select
                  id={`${id}-region`}
                  value={address.region}
                  onChange={(e) => setAddress({ ...address, region: e.target.value as Region })}
                >
                  {(REGIONS as readonly Region[]).map((r) => (
                    <option key={r} value={r}>
                      {t(`region.${r}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label className="field-label" htmlFor={`${id}-city`}>
                  {t('orders.delivery.city')}
                </label>
                <input
                  id={`${id}-city`}
                  value={address.city}
                  onChange={(e) => setAddress({ ...address, city: e.target.value })}
                />
              </div>
              <div className="field span-2">
                <label className="field-label" htmlFor={`${id}-street`}>
                  {t('orders.delivery.address')}
                </label>
                <input
                  id={`${id}-street`}
                  value={address.address}
                  onChange={(e) => setAddress({ ...address, address: e.target.value })}
                />
              </div>
            </div>
          )}
        </section>

        <div className="form-grid">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-note`}>
              {t('orders.edit.note')}
            </label>
            <textarea
              id={`${id}-note`}
              rows={2}
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-reason`}>
              {t('orders.edit.reason')}
            </label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              maxLength={500}
              value={reason}
              placeholder={t('orders.edit.reasonPlaceholder')}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
        </div>
        {nothing && <InlineMessage tone="info" title={t('userErrors.NOTHING_TO_CHANGE')} />}
        {failure?.map((fl, i) => (
          <InlineMessage key={i} tone="error" title={fl.title} detail={fl.detail} />
        ))}
      </div>
    </Dialog>
  );
}
