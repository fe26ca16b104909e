import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { CheckOrderMutation, ShipmentDetailFragment } from '../../../gql/graphql';
import { InlineMessage, Spinner } from '../../../ui/States';
import { GeneralFailures } from '../../purchasing/components/FormField';
import { checkOrderMutation } from '../graphql/shipments';

type CheckErrors = NonNullable<CheckOrderMutation['checkOrder']['errors']>;

const isCount = (s: string) => /^\d+$/.test(s.trim());

/**
 * The check (复核): every item of a picked shipment counted again, by scanning (each scan adds the
 * quantity, 1 by default) or typing the count per SKU. A wrong item or quantity is recorded against the
 * picker and the shipment stays PICKED until a check matches.
 */
export function CheckForm({ shipment }: { shipment: ShipmentDetailFragment }) {
  const { t } = useTranslation();
  const id = useId();
  const outcome = useMutationOutcome();
  const skuRef = useRef<HTMLInputElement>(null);
  const [sku, setSku] = useState('');
  const [qty, setQty] = useState('1');
  const [counted, setCounted] = useState<Record<string, string>>({});
  const [order, setOrder] = useState<string[]>([]);
  const [note, setNote] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const [result, setResult] = useState<{ passed: boolean; errors: CheckErrors } | null>(null);

  const expected = new Map<string, { picked: number; name: string }>();
  for (const l of shipment.lines) {
    const had = expected.get(l.sku);
    expected.set(l.sku, { picked: (had?.picked ?? 0) + (l.picked ?? 0), name: `${l.product.name} ${l.product.spec}` });
  }
  const known = [...expected.keys()];
  const extra = order.filter((s) => !expected.has(s));
  const rows = [...known, ...extra];
  const canonical = (code: string) => known.find((k) => k.toLowerCase() === code.toLowerCase()) ?? code;

  const add = () => {
    const code = canonical(sku.trim());
    setSku('');
    skuRef.current?.focus();
    if (!code) return;
    if (!isCount(qty) || Number(qty) < 1) {
      setNote({ tone: 'error', text: t('fulfilment.check.quantityInvalid') });
      return;
    }
    const n = Number(qty);
    setQty('1');
    setResult(null);
    setCounted((c) => ({ ...c, [code]: String((isCount(c[code] ?? '') ? Number(c[code]) : 0) + n) }));
    if (!order.includes(code)) setOrder((o) => [...o, code]);
    const total = (isCount(counted[code] ?? '') ? Number(counted[code]) : 0) + n;
    setNote(
      expected.has(code)
        ? { tone: 'info', text: t('fulfilment.check.counted', { sku: code, count: total }) }
        : { tone: 'error', text: t('fulfilment.check.notOnShipment', { sku: code }) },
    );
  };

  const items = rows
    .map((s) => ({ sku: s, quantity: isCount(counted[s] ?? '') ? Number(counted[s]) : 0 }))
    .filter((i) => i.quantity > 0);
  const invalid = rows.some((s) => (counted[s] ?? '') !== '' && !isCount(counted[s]!));

  const submit = async () => {
    if (invalid) return;
    let res: { passed: boolean; errors: CheckErrors } | null = null;
    const ok = await outcome.run({
      mutation: checkOrderMutation,
      variables: { input: { shipmentId: shipment.id, items } },
      success: (p) => {
        res = { passed: Boolean(p.passed), errors: p.errors ?? [] };
        return p.passed
          ? t('fulfilment.check.passedToast', { number: shipment.number })
          : t('fulfilment.check.failedToast', { number: shipment.number, count: p.errors?.length ?? 0 });
      },
    });
    if (ok && res) {
      setResult(res);
      setNote(null);
    }
  };

  return (
    <section className="card stack floor-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        {t('fulfilment.check.title')}
      </h2>
      <p className="muted small">{t('fulfilment.check.hint')}</p>
      <form
        className="scan-bar"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <div className="field field-scan">
          <label htmlFor={`${id}-sku`} className="field-label">
            {t('fulfilment.check.sku')}
          </label>
          <input
            id={`${id}-sku`}
            ref={skuRef}
            autoFocus
            value={sku}
            autoComplete="off"
            spellCheck={false}
            placeholder={t('fulfilment.scan.placeholder')}
            onChange={(e) => setSku(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-qty`} className="field-label">
            {t('fulfilment.check.quantity')}
          </label>
          <input
            id={`${id}-qty`}
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            className="qty-input"
            value={qty}
            onChange={(e) => setQty(e.target.value)}
          />
        </div>
        <button type="submit" className="btn">
          {t('fulfilment.check.add')}
        </button>
        <div className="scan-message" role="status" aria-live="assertive">
          {note && <span className={note.tone === 'error' ? 'scan-error' : 'scan-info'}>{note.text}</span>}
        </div>
      </form>
      <div className="table-scroll">
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('fulfilment.lines.sku')}</th>
              <th scope="col">{t('fulfilment.lines.product')}</th>
              <th scope="col" className="num">
                {t('fulfilment.lines.picked')}
              </th>
              <th scope="col">{t('fulfilment.check.countedColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => {
              const e = expected.get(s);
              const v = counted[s] ?? '';
              const n = isCount(v) ? Number(v) : null;
              const state = !e ? 'row-danger' : n === null ? undefined : n === e.picked ? 'row-done' : 'row-warning';
              return (
                <tr key={s} className={state}>
                  <td>
                    <code>{s}</code>
                  </td>
                  <td className="small">
                    {e ? e.name : <span className="text-danger">{t('fulfilment.check.notOnShipmentShort')}</span>}
                  </td>
                  <td className="num strong">{e ? e.picked : 0}</td>
                  <td>
                    <input
                      type="number"
                      min={0}
                      step={1}
                      inputMode="numeric"
                      className="qty-input"
                      aria-label={t('fulfilment.check.countedOf', { sku: s })}
                      aria-invalid={v !== '' && !isCount(v)}
                      value={v}
                      onChange={(ev) => {
                        setResult(null);
                        setCounted((c) => ({ ...c, [s]: ev.target.value }));
                      }}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {result?.passed && <InlineMessage tone="success" title={t('fulfilment.check.passed')} />}
      {result && !result.passed && (
        <div className="inline-message inline-error" role="alert">
          <strong>{t('fulfilment.check.failed', { count: result.errors.length })}</strong>
          <ul className="check-errors">
            {result.errors.map((e, i) => (
              <li key={i}>
                {t(`fulfilment.check.error.${e.kind}`, { sku: e.sku, expected: e.expected, counted: e.counted })}
                {e.pickedBy && <span className="muted"> · {t('fulfilment.check.pickedBy', { name: e.pickedBy })}</span>}
              </li>
            ))}
          </ul>
          <span className="small">{t('fulfilment.check.failedHint')}</span>
        </div>
      )}
      <GeneralFailures failures={outcome.failure ?? []} />
      <div>
        <button
          type="button"
          className="btn btn-primary"
          disabled={outcome.busy || items.length === 0 || invalid}
          onClick={() => void submit()}
        >
          {outcome.busy && <Spinner small />}
          {t('fulfilment.check.submit')}
        </button>
      </div>
    </section>
  );
}
