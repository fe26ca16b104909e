import { BIN_CODE_PATTERN } from '@fulfilment/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { StockLevelRowFragment } from '../../../gql/graphql';
import { Spinner } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { setBinLocationMutation } from '../graphql/stock';

/**
 * The bin a stock level sits in (aisle-bay-level, e.g. A-03-2): pick lists walk the aisles by it.
 * Shown to everyone; set, changed or cleared by those who may adjust stock.
 */
export function BinLocationField({ level }: { level: StockLevelRowFragment }) {
  const { t } = useTranslation();
  const can = useCan();
  const id = useId();
  const outcome = useMutationOutcome();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [touched, setTouched] = useState(false);
  const code = value.trim().toUpperCase();
  const invalid = code !== '' && !BIN_CODE_PATTERN.test(code);
  const serverError = outcome.failure?.[0]?.title;

  const save = async () => {
    setTouched(true);
    if (invalid) return;
    const ok = await outcome.run({
      mutation: setBinLocationMutation,
      variables: { input: { sku: level.sku, warehouseCode: level.warehouseCode, binLocation: code || null } },
      success: () =>
        code ? t('stock.bin.saved', { sku: level.sku, bin: code }) : t('stock.bin.cleared', { sku: level.sku }),
    });
    if (ok) setEditing(false);
  };

  if (!editing) {
    return (
      <div className="kpi">
        <span className="kpi-label">{t('stock.bin.label')}</span>
        <span className="kpi-value kpi-value-small mono">{level.binLocation ?? '—'}</span>
        {can('STOCK_ADJUST') ? (
          <button
            type="button"
            className="btn btn-small btn-ghost bin-edit"
            onClick={() => {
              setValue(level.binLocation ?? '');
              setTouched(false);
              outcome.clearFailure();
              setEditing(true);
            }}
          >
            {level.binLocation ? t('stock.bin.change') : t('stock.bin.set')}
          </button>
        ) : (
          !level.binLocation && <span className="muted small">{t('stock.bin.none')}</span>
        )}
      </div>
    );
  }
  const error = (touched && invalid ? t('stock.bin.invalid') : undefined) ?? serverError;
  return (
    <form
      className="kpi stack-sm"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={`${id}-bin`} className="kpi-label">
        {t('stock.bin.label')}
      </label>
      <input
        id={`${id}-bin`}
        className="mono"
        value={value}
        maxLength={8}
        autoFocus
        placeholder="A-03-2"
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-bin-msg`}
        onChange={(e) => setValue(e.target.value)}
      />
      <span id={`${id}-bin-msg`} className={error ? 'field-error' : 'muted small'}>
        {error ?? t('stock.bin.hint')}
      </span>
      <span className="action-bar">
        <button type="submit" className="btn btn-small btn-primary" disabled={outcome.busy}>
          {outcome.busy && <Spinner small />}
          {t('stock.bin.save')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => setEditing(false)} disabled={outcome.busy}>
          {t('common.cancel')}
        </button>
      </span>
    </form>
  );
}
