import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationOutcome, type OutcomeMessage } from '../../../app/useMutationOutcome';
import type { PurchaseOrderDetailFragment } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import { InlineMessage } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import {
  cancelPurchaseOrderMutation,
  closePurchaseOrderMutation,
  confirmPurchaseOrderMutation,
  expeditePurchaseOrderMutation,
  sendPurchaseOrderMutation,
} from '../graphql/purchaseOrders';
import { addDays, today } from '../purchasingDates';

type Action = 'send' | 'confirm' | 'expedite' | 'cancel' | 'close';

/** What may be done with a purchase order in its status (the server decides again). */
function allowed(po: PurchaseOrderDetailFragment): Action[] {
  switch (po.status) {
    case 'DRAFT':
      return ['send', 'cancel'];
    case 'SENT':
      return ['confirm', 'expedite', 'cancel'];
    case 'CONFIRMED':
      return ['expedite', 'cancel'];
    case 'PARTIALLY_RECEIVED':
      return ['expedite', 'close'];
    case 'RECEIVED':
      return ['close'];
    default:
      return [];
  }
}

function Failures({ failure }: { failure: OutcomeMessage[] | null }) {
  return (
    <>
      {failure?.map((f, i) => (
        <InlineMessage key={i} tone="error" title={f.title} detail={f.detail} />
      ))}
    </>
  );
}

/** Send, confirm (a promised date per line), expedite (a note and a new expected date), cancel or close (a reason). */
export function PurchaseOrderActions({ po }: { po: PurchaseOrderDetailFragment }) {
  const { t } = useTranslation();
  const can = useCan();
  const id = useId();
  const outcome = useMutationOutcome();
  const [open, setOpen] = useState<Action | null>(null);
  const [dates, setDates] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [newDate, setNewDate] = useState('');
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState('');
  const [touched, setTouched] = useState(false);
  const blocked = po.supplier.standing === 'BLOCKED';
  const mayOverride = can('PURCHASE_ORDER_OVERRIDE');

  if (!can('PURCHASE_ORDER_MANAGE')) return null;
  const actions = allowed(po);
  if (!actions.length) return null;

  /** Opens a dialog with fresh inputs: promised dates default to today plus the offer's lead time. */
  const start = (action: Action) => {
    const lead = new Map(po.supplier.offers.filter((o) => o.active).map((o) => [o.product.sku, o.leadTimeDays]));
    setDates(Object.fromEntries(po.lines.map((l) => [l.id, l.promisedDate ?? addDays(today(), lead.get(l.sku) ?? 0)])));
    setNote('');
    setNewDate('');
    setReason('');
    setOverride('');
    setTouched(false);
    outcome.clearFailure();
    setOpen(action);
  };
  const close = () => {
    setOpen(null);
    outcome.clearFailure();
  };
  const overrideReason = blocked && override.trim() ? { overrideReason: override.trim() } : {};
  const done = (ok: boolean) => ok && setOpen(null);
  const minDate = today();

  const submit = async () => {
    setTouched(true);
    if (open === 'send') {
      done(
        await outcome.run({
          mutation: sendPurchaseOrderMutation,
          variables: { input: { purchaseOrderId: po.id, ...overrideReason } },
          success: () => t('purchasing.actions.sent', { number: po.number }),
        }),
      );
    } else if (open === 'confirm') {
      if (po.lines.some((l) => !dates[l.id] || dates[l.id]! < minDate)) return;
      done(
        await outcome.run({
          mutation: confirmPurchaseOrderMutation,
          variables: {
            input: {
              purchaseOrderId: po.id,
              lines: po.lines.map((l) => ({ lineId: l.id, promisedDate: dates[l.id]! })),
              ...overrideReason,
            },
          },
          success: () => t('purchasing.actions.confirmed', { number: po.number }),
        }),
      );
    } else if (open === 'expedite') {
      if (!note.trim() || (newDate && newDate < minDate)) return;
      done(
        await outcome.run({
          mutation: expeditePurchaseOrderMutation,
          variables: {
            input: { purchaseOrderId: po.id, note: note.trim(), ...(newDate ? { newExpectedDate: newDate } : {}) },
          },
          success: () => t('purchasing.actions.expedited', { number: po.number }),
        }),
      );
    } else if (open === 'cancel') {
      if (!reason.trim()) return;
      done(
        await outcome.run({
          mutation: cancelPurchaseOrderMutation,
          variables: { input: { purchaseOrderId: po.id, reason: reason.trim() } },
          success: () => t('purchasing.actions.cancelled', { number: po.number }),
        }),
      );
    } else if (open === 'close') {
      if (!reason.trim()) return;
      done(
        await outcome.run({
          mutation: closePurchaseOrderMutation,
          variables: { input: { purchaseOrderId: po.id, reason: reason.trim() } },
          success: () => t('purchasing.actions.closed', { number: po.number }),
        }),
      );
    }
  };

  const overrideField = blocked && (open === 'send' || open === 'confirm') && (
    <div className="field">
      <label htmlFor={`${id}-override`} className="field-label">
        {t('purchasing.actions.overrideReason')}
      </label>
      <textarea
        id={`${id}-override`}
        rows={2}
        maxLength={500}
        value={override}
        disabled={!mayOverride}
        onChange={(e) => setOverride(e.target.value)}
      />
      <span className="muted small">
        {mayOverride ? t('purchasing.actions.overrideHint') : t('purchasing.actions.overrideNotAllowed')}
      </span>
    </div>
  );

  return (
    <div className="action-bar" role="group" aria-label={t('common.actions')}>
      {actions.includes('send') && (
        <button type="button" className="btn btn-primary" onClick={() => start('send')}>
          {t('purchasing.actions.send')}
        </button>
      )}
      {actions.includes('confirm') && (
        <button type="button" className="btn btn-primary" onClick={() => start('confirm')}>
          {t('purchasing.actions.confirm')}
        </button>
      )}
      {actions.includes('expedite') && (
        <button type="button" className={po.overdue ? 'btn btn-primary' : 'btn'} onClick={() => start('expedite')}>
          {t('purchasing.actions.expedite')}
        </button>
      )}
      {actions.includes('close') && (
        <button type="button" className="btn" onClick={() => start('close')}>
          {t('purchasing.actions.close')}
        </button>
      )}
      {actions.includes('cancel') && (
        <button type="button" className="btn btn-danger-outline" onClick={() => start('cancel')}>
          {t('purchasing.actions.cancel')}
        </button>
      )}

      <Dialog
        open={open === 'send'}
        title={t('purchasing.actions.sendTitle', { number: po.number })}
        onClose={close}
        onSubmit={() => void submit()}
        submitLabel={t('purchasing.actions.send')}
        busy={outcome.busy}
      >
        <div className="stack">
          <p>{t('purchasing.actions.sendMessage', { supplier: po.supplier.name })}</p>
          {overrideField}
          <Failures failure={outcome.failure} />
        </div>
      </Dialog>

      <Dialog
        open={open === 'confirm'}
        wide
        title={t('purchasing.actions.confirmTitle', { number: po.number })}
        onClose={close}
        onSubmit={() => void submit()}
        submitLabel={t('purchasing.actions.confirm')}
        busy={outcome.busy}
      >
        <div className="stack">
          <p className="muted">{t('purchasing.actions.confirmMessage')}</p>
          <table className="data-table compact">
            <thead>
              <tr>
                <th scope="col">{t('purchasing.po.product')}</th>
                <th scope="col" className="num">
                  {t('purchasing.po.ordered')}
                </th>
                <th scope="col">{t('purchasing.po.promised')}</th>
              </tr>
            </thead>
            <tbody>
              {po.lines.map((l) => {
                const v = dates[l.id] ?? '';
                const bad = touched && (!v || v < minDate);
                return (
                  <tr key={l.id}>
                    <td>
                      <code>{l.sku}</code> {l.productName}
                    </td>
                    <td className="num">{l.quantity}</td>
                    <td>
                      <input
                        type="date"
                        min={minDate}
                        value={v}
                        aria-label={t('purchasing.actions.promisedFor', { sku: l.sku })}
                        aria-invalid={bad}
                        onChange={(e) => setDates((d) => ({ ...d, [l.id]: e.target.value }))}
                      />
                      {bad && <div className="field-error">{t('userErrors.INVALID_DATE')}</div>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {overrideField}
          <Failures failure={outcome.failure} />
        </div>
      </Dialog>

      <Dialog
        open={open === 'expedite'}
        title={t('purchasing.actions.expediteTitle', { number: po.number })}
        onClose={close}
        onSubmit={() => void submit()}
        submitLabel={t('purchasing.actions.expediteSubmit')}
        busy={outcome.busy}
      >
        <div className="stack">
          <div className="field">
            <label htmlFor={`${id}-note`} className="field-label">
              {t('purchasing.actions.note')} <span aria-hidden="true">*</span>
            </label>
            <textarea
              id={`${id}-note`}
              rows={3}
              maxLength={500}
              required
              value={note}
              aria-invalid={touched && !note.trim()}
              placeholder={t('purchasing.actions.notePlaceholder')}
              onChange={(e) => setNote(e.target.value)}
            />
            {touched && !note.trim() && <span className="field-error">{t('purchasing.actions.noteRequired')}</span>}
          </div>
          <div className="field">
            <label htmlFor={`${id}-date`} className="field-label">
              {t('purchasing.actions.newExpectedDate')}
            </label>
            <input
              id={`${id}-date`}
              type="date"
              min={minDate}
              value={newDate}
              aria-invalid={touched && Boolean(newDate) && newDate < minDate}
              onChange={(e) => setNewDate(e.target.value)}
            />
            <span className="muted small">{t('purchasing.actions.newExpectedDateHint')}</span>
          </div>
          <Failures failure={outcome.failure} />
        </div>
      </Dialog>

      <Dialog
        open={open === 'cancel' || open === 'close'}
        title={t(open === 'close' ? 'purchasing.actions.closeTitle' : 'purchasing.actions.cancelTitle', {
          number: po.number,
        })}
        onClose={close}
        onSubmit={() => void submit()}
        submitLabel={t(open === 'close' ? 'purchasing.actions.closeConfirm' : 'purchasing.actions.cancelConfirm')}
        submitTone={open === 'close' ? undefined : 'danger'}
        busy={outcome.busy}
      >
        <div className="stack">
          <p>{t(open === 'close' ? 'purchasing.actions.closeMessage' : 'purchasing.actions.cancelMessage')}</p>
          <div className="field">
            <label htmlFor={`${id}-reason`} className="field-label">
              {t('purchasing.actions.reason')} <span aria-hidden="true">*</span>
            </label>
            <textarea
              id={`${id}-reason`}
              rows={3}
              maxLength={500}
              required
              value={reason}
              aria-invalid={touched && !reason.trim()}
              onChange={(e) => setReason(e.target.value)}
            />
            {touched && !reason.trim() && <span className="field-error">{t('purchasing.actions.reasonRequired')}</span>}
          </div>
          <Failures failure={outcome.failure} />
        </div>
      </Dialog>
    </div>
  );
}
