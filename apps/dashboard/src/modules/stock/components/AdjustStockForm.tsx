import { MANUAL_MOVEMENT_REASONS } from '@fulfilment/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { MovementReason, StockLevelRowFragment } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import { InlineMessage } from '../../../ui/States';
import { adjustStockMutation } from '../graphql/stock';

type Mode = 'delta' | 'count';
/** A change gives one of these reasons; a count always books COUNT_ADJUSTMENT. */
const CHANGE_REASONS = MANUAL_MOVEMENT_REASONS.filter((r) => r !== 'COUNT_ADJUSTMENT');

/**
 * Books a change (receipt, return, damage, correction) or a count (what was found on the shelf; the
 * difference becomes a COUNT_ADJUSTMENT) against one stock level, after a confirmation.
 */
export function AdjustStockForm({ level, onDone }: { level: StockLevelRowFragment; onDone: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const [mode, setMode] = useState<Mode>('count');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState<MovementReason>('RECEIPT');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { run, busy, failure, clearFailure } = useMutationOutcome();

  const value = amount.trim() === '' ? NaN : Number(amount);
  const valid = Number.isInteger(value) && (mode === 'count' ? value >= 0 : value !== 0);
  const newOnHand = mode === 'count' ? value : level.onHand + value;
  const change = mode === 'count' ? value - level.onHand : value;
  const effectiveReason: MovementReason = mode === 'count' ? 'COUNT_ADJUSTMENT' : reason;

  const submit = async () => {
    const done = await run({
      mutation: adjustStockMutation,
      variables: {
        input: {
          sku: level.sku,
          warehouseCode: level.warehouseCode,
          reason: effectiveReason,
          ...(mode === 'count' ? { countedQuantity: value } : { delta: value }),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      },
      success: (payload) =>
        payload.movement
          ? t('stock.adjust.done', { sku: level.sku, warehouse: level.warehouseCode })
          : t('stock.adjust.countMatched'),
    });
    if (!done) return;
    setConfirming(false);
    setAmount('');
    setNote('');
    onDone();
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        {t('stock.adjust.title')}
      </h2>
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) {
            clearFailure();
            setConfirming(true);
          }
        }}
      >
        <fieldset className="segmented-field">
          <legend className="field-label">{t('stock.adjust.mode')}</legend>
          <label className="check">
            <input type="radio" name={`${id}-mode`} checked={mode === 'count'} onChange={() => setMode('count')} />
            {t('stock.adjust.modeCount')}
          </label>
          <label className="check">
            <input type="radio" name={`${id}-mode`} checked={mode === 'delta'} onChange={() => setMode('delta')} />
            {t('stock.adjust.modeDelta')}
          </label>
        </fieldset>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-amount`} className="field-label">
              {mode === 'count' ? t('stock.adjust.counted') : t('stock.adjust.delta')}
            </label>
            <input
              id={`${id}-amount`}
              type="number"
              step={1}
              min={mode === 'count' ? 0 : undefined}
              inputMode="numeric"
              value={amount}
              aria-describedby={`${id}-hint`}
              aria-invalid={amount !== '' && !valid}
              onChange={(e) => setAmount(e.target.value)}
            />
            <span id={`${id}-hint`} className="muted small">
              {mode === 'count'
                ? t('stock.adjust.countedHint', { onHand: f.number(level.onHand) })
                : t('stock.adjust.deltaHint')}
            </span>
          </div>
          <div className="field">
            <label htmlFor={`${id}-reason`} className="field-label">
              {t('stock.adjust.reason')}
            </label>
            {mode === 'count' ? (
              <input id={`${id}-reason`} value={t('movementReason.COUNT_ADJUSTMENT')} readOnly />
            ) : (
              <select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value as MovementReason)}>
                {CHANGE_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`movementReason.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </div>
          <div className="field span-2">
            <label htmlFor={`${id}-note`} className="field-label">
              {t('stock.adjust.note')}
            </label>
            <input
              id={`${id}-note`}
              maxLength={500}
              value={note}
              placeholder={t('stock.adjust.notePlaceholder')}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
        </div>
        {failure &&
          !confirming &&
          failure.map((fl, i) => <InlineMessage key={i} tone="error" title={fl.title} detail={fl.detail} />)}
        <div>
          <button type="submit" className="btn btn-primary" disabled={!valid}>
            {mode === 'count' ? t('stock.adjust.submitCount') : t('stock.adjust.submitDelta')}
          </button>
        </div>
      </form>
      <Dialog
        open={confirming}
        title={t('stock.adjust.confirmTitle', { sku: level.sku, warehouse: level.warehouseCode })}
        onClose={() => setConfirming(false)}
        onSubmit={() => void submit()}
        submitLabel={t('stock.adjust.confirm')}
        submitTone={change < 0 ? 'danger' : 'primary'}
        busy={busy}
      >
        <div className="stack">
          <dl className="details">
            <dt>{t('stock.adjust.reason')}</dt>
            <dd>{t(`movementReason.${effectiveReason}`)}</dd>
            <dt>{t('stock.columns.onHand')}</dt>
            <dd>
              {f.number(level.onHand)} → <strong>{Number.isFinite(newOnHand) ? f.number(newOnHand) : '—'}</strong> (
              {change > 0 ? '+' : ''}
              {Number.isFinite(change) ? f.number(change) : '—'})
            </dd>
            {note.trim() && (
              <>
                <dt>{t('stock.adjust.note')}</dt>
                <dd>{note.trim()}</dd>
              </>
            )}
          </dl>
          {mode === 'count' && change === 0 && <InlineMessage tone="info" title={t('stock.adjust.noDifference')} />}
          {newOnHand < level.reserved && !failure && (
            <InlineMessage
              tone="error"
              title={t('userErrors.BELOW_RESERVED')}
              detail={t('stock.adjust.belowReservedHint', { reserved: level.reserved })}
            />
          )}
          {failure?.map((fl, i) => (
            <InlineMessage key={i} tone="error" title={fl.title} detail={fl.detail} />
          ))}
        </div>
      </Dialog>
    </section>
  );
}
