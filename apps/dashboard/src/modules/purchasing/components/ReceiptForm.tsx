import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { PurchaseOrderDetailFragment, ReceivePurchaseOrderMutation, RejectionReason } from '../../../gql/graphql';
import { InlineMessage, Spinner } from '../../../ui/States';
import { receivePurchaseOrderMutation } from '../graphql/receiving';
import { newIdempotencyKey } from '../purchasingDates';

const REASONS: RejectionReason[] = ['DAMAGED', 'QUALITY', 'WRONG_SPEC', 'EXPIRED'];

export type BookedReceipt = NonNullable<ReceivePurchaseOrderMutation['receivePurchaseOrder']['goodsReceipt']>;

interface LineInput {
  received: string;
  accepted: string;
  rejected: string;
  /** Accepted follows received − rejected until typed over. */
  acceptedTyped: boolean;
  reason: RejectionReason | '';
}

const EMPTY: LineInput = { received: '', accepted: '', rejected: '', acceptedTyped: false, reason: '' };
const num = (s: string) => (s.trim() === '' ? 0 : Number(s));
const isCount = (s: string) => s.trim() === '' || (Number.isInteger(Number(s)) && Number(s) >= 0);

/** What is wrong with one line, checked before sending (the server checks again). */
function lineProblem(l: LineInput): 'count' | 'split' | 'reason' | null {
  if (![l.received, l.accepted, l.rejected].every(isCount)) return 'count';
  if (num(l.received) !== num(l.accepted) + num(l.rejected)) return 'split';
  if (num(l.rejected) > 0 && !l.reason) return 'reason';
  return null;
}

/**
 * Books what arrived for a purchase order, line by line after inspection. One key per submission, kept
 * until the form changes or the receipt is booked, so a double click or a retry books once.
 */
export function ReceiptForm({
  po,
  onBooked,
}: {
  po: PurchaseOrderDetailFragment;
  onBooked: (r: BookedReceipt) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { run, busy, failure } = useMutationOutcome();
  const [lines, setLines] = useState<Record<string, LineInput>>({});
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const key = useRef<string | null>(null);
  const submitting = useRef(false);

  const get = (lineId: string) => lines[lineId] ?? EMPTY;
  const update = (lineId: string, patch: Partial<LineInput>) => {
    key.current = null;
    setLines((all) => {
      const next = { ...(all[lineId] ?? EMPTY), ...patch };
      if (
        !next.acceptedTyped &&
        ('received' in patch || 'rejected' in patch) &&
        isCount(next.received) &&
        isCount(next.rejected)
      ) {
        const a = num(next.received) - num(next.rejected);
        next.accepted = next.received.trim() === '' ? '' : String(Math.max(0, a));
      }
      return { ...all, [lineId]: next };
    });
  };

  const open = po.lines.filter((l) => l.outstandingQty > 0 || num(get(l.id).received) > 0);
  const sent = po.lines.filter((l) => num(get(l.id).received) > 0);
  const problems = new Map(po.lines.map((l) => [l.id, lineProblem(get(l.id))]));
  const valid = sent.length > 0 && [...problems.values()].every((p) => p === null);

  // Server userErrors name the line by its index among the lines sent.
  const serverErrors = new Map<string, string[]>();
  const general: { title: string; detail?: string }[] = [];
  for (const f of failure ?? []) {
    const i = f.field && f.field[1] === 'lines' ? Number(f.field[2]) : NaN;
    const line = Number.isInteger(i) ? sent[i] : undefined;
    if (line) serverErrors.set(line.id, [...(serverErrors.get(line.id) ?? []), f.title]);
    else general.push(f);
  }

  const submit = async () => {
    setTouched(true);
    if (!valid || submitting.current) return;
    submitting.current = true;
    key.current ??= newIdempotencyKey();
    let booked: BookedReceipt | null = null;
    try {
      const ok = await run({
        mutation: receivePurchaseOrderMutation,
        variables: {
          input: {
            purchaseOrderId: po.id,
            idempotencyKey: key.current,
            ...(note.trim() ? { note: note.trim() } : {}),
            lines: sent.map((l) => {
              const v = get(l.id);
              return {
                lineId: l.id,
                received: num(v.received),
                accepted: num(v.accepted),
                rejected: num(v.rejected),
                ...(num(v.rejected) > 0 && v.reason ? { rejectionReason: v.reason } : {}),
              };
            }),
          },
        },
        success: (p) => {
          booked = p.goodsReceipt ?? null;
          return t('receiving.booked', { number: p.goodsReceipt?.number ?? '' });
        },
      });
      if (ok && booked) {
        key.current = null;
        setLines({});
        setNote('');
        setTouched(false);
        onBooked(booked);
      }
    } finally {
      submitting.current = false;
    }
  };

  const problemText = (p: ReturnType<typeof lineProblem>) =>
    p === 'count'
      ? t('userErrors.INVALID_QUANTITY')
      : p === 'split'
        ? t('userErrors.RECEIPT_SPLIT_MISMATCH')
        : p === 'reason'
          ? t('userErrors.REJECTION_REASON_REQUIRED')
          : null;

  return (
    <form
      className="card stack"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id={`${id}-title`} className="card-title">
        {t('receiving.formTitle', { number: po.number })}
      </h2>
      <p className="muted small">{t('receiving.formHint')}</p>
      <div className="table-scroll">
        <table className="data-table compact receipt-form">
          <thead>
            <tr>
              <th scope="col">{t('purchasing.po.product')}</th>
              <th scope="col" className="num">
                {t('purchasing.po.outstanding')}
              </th>
              <th scope="col">{t('purchasing.po.received')}</th>
              <th scope="col">{t('purchasing.po.accepted')}</th>
              <th scope="col">{t('purchasing.po.rejected')}</th>
              <th scope="col">{t('receiving.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {open.map((l) => {
              const v = get(l.id);
              const problem = problems.get(l.id) ?? null;
              const show = (touched || v.received !== '') && problem !== null;
              const errors = [...(show ? [problemText(problem)!] : []), ...(serverErrors.get(l.id) ?? [])];
              const errId = `${id}-${l.id}-error`;
              const input = (field: 'received' | 'accepted' | 'rejected', label: string) => (
                <input
                  type="number"
                  min={0}
                  step={1}
                  inputMode="numeric"
                  className="qty-input"
                  aria-label={t('receiving.inputLabel', { what: label, sku: l.sku })}
                  aria-invalid={errors.length > 0}
                  aria-describedby={errors.length ? errId : undefined}
                  value={v[field]}
                  onChange={(e) =>
                    update(
                      l.id,
                      field === 'accepted'
                        ? { accepted: e.target.value, acceptedTyped: true }
                        : { [field]: e.target.value },
                    )
                  }
                />
              );
              return (
                <tr key={l.id}>
                  <td>
                    <code>{l.sku}</code> {l.productName}
                    {errors.length > 0 && (
                      <div id={errId} className="field-error">
                        {errors.join(' ')}
                      </div>
                    )}
                  </td>
                  <td className="num strong">{l.outstandingQty}</td>
                  <td>{input('received', t('purchasing.po.received'))}</td>
                  <td>{input('accepted', t('purchasing.po.accepted'))}</td>
                  <td>{input('rejected', t('purchasing.po.rejected'))}</td>
                  <td>
                    <select
                      aria-label={t('receiving.reasonFor', { sku: l.sku })}
                      value={v.reason}
                      disabled={num(v.rejected) === 0}
                      aria-invalid={problem === 'reason' && show}
                      onChange={(e) => update(l.id, { reason: e.target.value as RejectionReason | '' })}
                    >
                      <option value="">{t('receiving.noReason')}</option>
                      {REASONS.map((r) => (
                        <option key={r} value={r}>
                          {t(`rejectionReason.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`} className="field-label">
          {t('receiving.note')}
        </label>
        <input
          id={`${id}-note`}
          maxLength={500}
          value={note}
          placeholder={t('receiving.notePlaceholder')}
          onChange={(e) => {
            key.current = null;
            setNote(e.target.value);
          }}
        />
      </div>
      {touched && sent.length === 0 && <InlineMessage tone="error" title={t('receiving.nothingEntered')} />}
      {general.map((f, i) => (
        <InlineMessage key={i} tone="error" title={f.title} detail={f.detail} />
      ))}
      <div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy && <Spinner small />}
          {t('receiving.submit')}
        </button>
      </div>
    </form>
  );
}
