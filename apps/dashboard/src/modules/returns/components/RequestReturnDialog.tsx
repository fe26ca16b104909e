import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormat } from '../../../app/format';
import type { OrderReturnsQuery, ReturnReason, ReturnResolution } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import { InlineMessage } from '../../../ui/States';
import { useReturnActions } from '../hooks/useReturnActions';
import { returnPath } from './paths';
import { RETURN_REASONS, RETURN_RESOLUTIONS } from './ReturnBadges';

type Order = NonNullable<OrderReturnsQuery['orderByNumber']>;

const NOTE_MAX = 1000;
const isCount = (s: string) => s.trim() === '' || (Number.isInteger(Number(s)) && Number(s) >= 0);
const num = (s: string) => (s.trim() === '' ? 0 : Number(s));

/** Units of each line already asked back by returns still standing (not rejected or cancelled). */
function alreadyAsked(order: Order): Map<number, number> {
  const asked = new Map<number, number>();
  for (const r of order.returns) {
    if (r.status === 'REJECTED' || r.status === 'CANCELLED') continue;
    for (const l of r.lines) asked.set(l.lineNo, (asked.get(l.lineNo) ?? 0) + l.quantity);
  }
  return asked;
}

/**
 * Asks for a return of a delivered order on the customer's behalf: which lines and how many units (at
 * most what was delivered less what earlier returns asked), why, what the customer wants instead (refund,
 * store credit or the same goods again) and what they said; linked to a complaint about the order when
 * there is one. The server checks the policy (7 days; fresh food only for quality, within 24 hours).
 * Opens the new return's page.
 */
export function RequestReturnDialog({ open, onClose, order }: { open: boolean; onClose: () => void; order: Order }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const navigate = useNavigate();
  const actions = useReturnActions();
  const [qty, setQty] = useState<Record<number, string>>({});
  const [reason, setReason] = useState<ReturnReason | ''>('');
  const [resolution, setResolution] = useState<ReturnResolution>('REFUND');
  const [complaintId, setComplaintId] = useState('');
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const [key, setKey] = useState('');
  const { clearFailure } = actions;

  useEffect(() => {
    if (!open) return;
    setQty({});
    setReason('');
    setResolution('REFUND');
    setComplaintId('');
    setNote('');
    setTouched(false);
    setKey(crypto.randomUUID());
    clearFailure();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [open]);

  const asked = alreadyAsked(order);
  const lines = order.lines.map((l) => {
    const left = Math.max(0, l.quantity - (asked.get(l.lineNo) ?? 0));
    const value = qty[l.lineNo] ?? '';
    const problem = !isCount(value)
      ? t('returns.request.notACount')
      : num(value) > left
        ? t('returns.request.tooMany', { count: left })
        : null;
    return { ...l, left, value, problem };
  });
  const chosen = lines.filter((l) => !l.problem && num(l.value) > 0);
  const noLines = chosen.length === 0;
  const lineProblems = lines.some((l) => l.problem);
  const missingReason = !reason;
  const invalid = noLines || lineProblems || missingReason;
  const value = chosen.reduce((s, l) => s + l.unitPrice.fen * num(l.value), 0);
  const complaints = order.complaints ?? [];

  const submit = async () => {
    setTouched(true);
    if (invalid || !reason) return;
    const created = await actions.request({
      orderId: order.id,
      lines: chosen.map((l) => ({ lineNo: l.lineNo, quantity: num(l.value) })),
      reason,
      resolution,
      idempotencyKey: key,
      ...(complaintId ? { complaintId } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (created) {
      onClose();
      void navigate(returnPath(created));
    }
  };

  const fieldError = (name: string) => actions.failure?.find((m) => m.field?.includes(name));
  const general = actions.failure?.filter((m) => !m.field?.includes('note'));

  return (
    <Dialog
      open={open}
      title={t('returns.request.title', { number: order.number })}
      onClose={onClose}
      submitLabel={t('returns.request.submit')}
      busy={actions.busy === 'request'}
      onSubmit={() => void submit()}
      footerNote={noLines ? null : t('returns.request.value', { amount: f.money(value) })}
      wide
    >
      <div className="stack">
        <p className="muted small">{t('returns.request.intro')}</p>
        <fieldset className="request-lines">
          <legend className="field-label">
            {t('returns.request.lines')} <span aria-hidden="true">*</span>
          </legend>
          <table className="data-table compact">
            <thead>
              <tr>
                <th scope="col">{t('returns.lines.sku')}</th>
                <th scope="col">{t('returns.request.product')}</th>
                <th scope="col" className="num">
                  {t('returns.request.delivered')}
                </th>
                <th scope="col" className="num">
                  {t('returns.request.left')}
                </th>
                <th scope="col">{t('returns.request.quantity')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.lineNo}>
                  <td>
                    <code>{l.sku}</code>
                  </td>
                  <td>
                    {l.productName}
                    {l.spec && <span className="muted small"> · {l.spec}</span>}
                    <div className="muted small">{f.money(l.unitPrice.fen)}</div>
                  </td>
                  <td className="num">{f.number(l.quantity)}</td>
                  <td className="num">{f.number(l.left)}</td>
                  <td>
                    <input
                      type="number"
                      min={0}
                      max={l.left}
                      step={1}
                      inputMode="numeric"
                      className="qty-input"
                      disabled={l.left === 0}
                      placeholder="0"
                      aria-label={t('returns.request.quantityOf', { sku: l.sku })}
                      aria-invalid={Boolean(l.problem)}
                      aria-describedby={l.problem ? `${id}-line-${l.lineNo}` : undefined}
                      value={l.value}
                      onChange={(e) => setQty((q) => ({ ...q, [l.lineNo]: e.target.value }))}
                    />
                    {l.problem && (
                      <div id={`${id}-line-${l.lineNo}`} className="field-error">
                        {l.problem}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {touched && noLines && !lineProblems && <span className="field-error">{t('returns.request.noLines')}</span>}
        </fieldset>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-reason`} className="field-label">
              {t('returns.columns.reason')} <span aria-hidden="true">*</span>
            </label>
            <select
              id={`${id}-reason`}
              value={reason}
              required
              aria-invalid={touched && missingReason}
              onChange={(e) => setReason(e.target.value as ReturnReason | '')}
            >
              <option value="">{t('returns.request.choose')}</option>
              {RETURN_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`returnReason.${r}`)}
                </option>
              ))}
            </select>
            {touched && missingReason ? (
              <span className="field-error">{t('returns.request.reasonRequired')}</span>
            ) : (
              <span className="muted small">
                {reason ? t(`returnReasonHint.${reason}`) : t('returns.request.policy')}
              </span>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-resolution`} className="field-label">
              {t('returns.columns.resolution')}
            </label>
            <select
              id={`${id}-resolution`}
              value={resolution}
              onChange={(e) => setResolution(e.target.value as ReturnResolution)}
            >
              {RETURN_RESOLUTIONS.map((r) => (
                <option key={r} value={r}>
                  {t(`returnResolution.${r}`)}
                </option>
              ))}
            </select>
            <span className="muted small">{t(`returnResolutionHint.${resolution}`)}</span>
          </div>
          {complaints.length > 0 && (
            <div className="field span-2">
              <label htmlFor={`${id}-complaint`} className="field-label">
                {t('returns.request.complaint')}
              </label>
              <select id={`${id}-complaint`} value={complaintId} onChange={(e) => setComplaintId(e.target.value)}>
                <option value="">{t('returns.request.noComplaint')}</option>
                {complaints.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.number} · {t(`complaintCategory.${c.category}`)} · {t(`complaintStatus.${c.status}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`} className="field-label">
            {t('returns.request.note')}
          </label>
          <textarea
            id={`${id}-note`}
            rows={3}
            maxLength={NOTE_MAX}
            value={note}
            aria-invalid={Boolean(fieldError('note'))}
            onChange={(e) => setNote(e.target.value)}
          />
          {fieldError('note') && <span className="field-error">{fieldError('note')?.title}</span>}
        </div>
        {general?.map((m, i) => (
          <InlineMessage key={i} tone="error" title={m.title} detail={m.detail} />
        ))}
      </div>
    </Dialog>
  );
}
