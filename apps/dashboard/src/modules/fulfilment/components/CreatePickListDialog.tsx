import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import { Dialog } from '../../../ui/Dialog';
import { useWarehouses } from '../../catalog/hooks/useWarehouses';
import { FormField, GeneralFailures, splitFailures } from '../../purchasing/components/FormField';
import { newIdempotencyKey } from '../../purchasing/purchasingDates';
import { createPickListMutation } from '../graphql/pickLists';
import { pickListPath } from './PickListTable';

const isWhole = (s: string, min: number, max: number) => /^\d+$/.test(s.trim()) && Number(s) >= min && Number(s) <= max;

/**
 * A pick list the platform fills: up to `maxOrders` allocated orders of one warehouse (urgent first,
 * then key accounts, then by priority and age), optionally capped in units or limited to a delivery
 * city. One key per opening, so a double click makes one list. Opens the new list. Mounted while open.
 */
export function CreatePickListDialog({
  onClose,
  defaultWarehouse,
}: {
  onClose: () => void;
  defaultWarehouse?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const { warehouses } = useWarehouses();
  const outcome = useMutationOutcome();
  const [warehouse, setWarehouse] = useState(defaultWarehouse ?? '');
  const [maxOrders, setMaxOrders] = useState('50');
  const [maxUnits, setMaxUnits] = useState('');
  const [city, setCity] = useState('');
  const [touched, setTouched] = useState(false);
  const key = useRef<string | null>(null);

  const code = warehouse || warehouses.find((w) => w.kind === 'WAREHOUSE')?.code || '';
  const problems = {
    warehouseCode: code ? undefined : t('fulfilment.create.warehouseRequired'),
    maxOrders: isWhole(maxOrders, 1, 500) ? undefined : t('fulfilment.create.maxOrdersInvalid'),
    maxUnits:
      maxUnits.trim() === '' || isWhole(maxUnits, 1, 100_000) ? undefined : t('fulfilment.create.maxUnitsInvalid'),
  };
  const { byField, general } = splitFailures(outcome.failure, [
    'warehouseCode',
    'maxOrders',
    'maxUnits',
    'deliveryCity',
  ]);
  const err = (f: keyof typeof problems | 'deliveryCity') =>
    (touched && f !== 'deliveryCity' ? problems[f] : undefined) ?? byField[f];

  const submit = async () => {
    setTouched(true);
    if (Object.values(problems).some(Boolean)) return;
    key.current ??= newIdempotencyKey();
    let created: { id: string } | null = null;
    const ok = await outcome.run({
      mutation: createPickListMutation,
      variables: {
        input: {
          warehouseCode: code,
          maxOrders: Number(maxOrders),
          ...(maxUnits.trim() ? { maxUnits: Number(maxUnits) } : {}),
          ...(city.trim() ? { deliveryCity: city.trim() } : {}),
          idempotencyKey: key.current,
        },
      },
      success: (p) => {
        created = p.pickList ?? null;
        return t('fulfilment.create.created', {
          number: p.pickList?.number ?? '',
          count: p.pickList?.shipments.length ?? 0,
        });
      },
    });
    if (ok && created) {
      onClose();
      navigate(pickListPath(created));
    }
  };

  const described = (f: string, e?: string) => ({
    'aria-invalid': Boolean(e),
    'aria-describedby': `${id}-${f}-msg`,
  });

  return (
    <Dialog
      open
      title={t('fulfilment.create.title')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('fulfilment.create.submit')}
      busy={outcome.busy}
    >
      <div className="stack">
        <p className="muted small">{t('fulfilment.create.hint')}</p>
        <FormField
          id={`${id}-warehouseCode`}
          label={t('fulfilment.lists.columns.warehouse')}
          required
          error={err('warehouseCode')}
        >
          <select
            id={`${id}-warehouseCode`}
            value={code}
            onChange={(e) => {
              key.current = null;
              setWarehouse(e.target.value);
            }}
            {...described('warehouseCode', err('warehouseCode'))}
          >
            {warehouses.map((w) => (
              <option key={w.code} value={w.code}>
                {w.code} · {w.name}
              </option>
            ))}
          </select>
        </FormField>
        <div className="form-grid">
          <FormField
            id={`${id}-maxOrders`}
            label={t('fulfilment.create.maxOrders')}
            required
            hint={t('fulfilment.create.maxOrdersHint')}
            error={err('maxOrders')}
          >
            <input
              id={`${id}-maxOrders`}
              type="number"
              inputMode="numeric"
              min={1}
              max={500}
              value={maxOrders}
              onChange={(e) => {
                key.current = null;
                setMaxOrders(e.target.value);
              }}
              {...described('maxOrders', err('maxOrders'))}
            />
          </FormField>
          <FormField
            id={`${id}-maxUnits`}
            label={t('fulfilment.create.maxUnits')}
            hint={t('fulfilment.create.maxUnitsHint')}
            error={err('maxUnits')}
          >
            <input
              id={`${id}-maxUnits`}
              type="number"
              inputMode="numeric"
              min={1}
              value={maxUnits}
              onChange={(e) => {
                key.current = null;
                setMaxUnits(e.target.value);
              }}
              {...described('maxUnits', err('maxUnits'))}
            />
          </FormField>
        </div>
        <FormField
          id={`${id}-deliveryCity`}
          label={t('fulfilment.create.deliveryCity')}
          hint={t('fulfilment.create.deliveryCityHint')}
          error={err('deliveryCity')}
        >
          <input
            id={`${id}-deliveryCity`}
            maxLength={50}
            value={city}
            placeholder={t('fulfilment.create.deliveryCityPlaceholder')}
            onChange={(e) => {
              key.current = null;
              setCity(e.target.value);
            }}
            {...described('deliveryCity', err('deliveryCity'))}
          />
        </FormField>
        <GeneralFailures failures={general} />
      </div>
    </Dialog>
  );
}
