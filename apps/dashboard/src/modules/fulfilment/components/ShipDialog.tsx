import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { ShipmentRowFragment } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import { FormField, GeneralFailures, splitFailures } from '../../purchasing/components/FormField';
import { shipOrderMutation } from '../graphql/shipments';
import { useCarriers } from '../hooks/useCarriers';

/**
 * Hands a packed shipment to a carrier: the best-ranked one for its destination, weight and urgency
 * unless one is chosen (only carriers serving its region are offered). Mounted while open.
 */
export function ShipDialog({ shipment, onClose }: { shipment: ShipmentRowFragment; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const { carriers } = useCarriers();
  const outcome = useMutationOutcome();
  const [carrier, setCarrier] = useState('');
  const region = shipment.order.delivery.region;
  const serving = carriers.filter((c) => c.regions.includes(region));
  const grams = shipment.packages.reduce((n, p) => n + p.weightG, 0);
  const { byField, general } = splitFailures(outcome.failure, ['carrierCode']);

  const submit = async () => {
    const ok = await outcome.run({
      mutation: shipOrderMutation,
      variables: { input: { shipmentId: shipment.id, ...(carrier ? { carrierCode: carrier } : {}) } },
      success: (p) =>
        t('fulfilment.ship.shipped', {
          number: shipment.number,
          carrier: p.shipment?.carrier?.name ?? '',
          tracking: p.shipment?.trackingNumber ?? '',
        }),
    });
    if (ok) onClose();
  };

  return (
    <Dialog
      open
      title={t('fulfilment.ship.title', { number: shipment.number })}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('fulfilment.ship.submit')}
      busy={outcome.busy}
    >
      <div className="stack">
        <dl className="details">
          <dt>{t('fulfilment.shipments.columns.order')}</dt>
          <dd className="mono">{shipment.order.number}</dd>
          <dt>{t('fulfilment.shipments.columns.destination')}</dt>
          <dd>
            {shipment.order.delivery.city} · {t(`region.${region}`)}
          </dd>
          <dt>{t('fulfilment.shipments.columns.packages')}</dt>
          <dd>
            {t('fulfilment.packages.count', { count: shipment.packages.length })} · {f.number(grams / 1000)} kg
          </dd>
        </dl>
        <FormField
          id={`${id}-carrier`}
          label={t('fulfilment.ship.carrier')}
          hint={carrier ? undefined : t('fulfilment.ship.bestHint')}
          error={byField.carrierCode}
        >
          <select
            id={`${id}-carrier`}
            value={carrier}
            aria-invalid={Boolean(byField.carrierCode)}
            aria-describedby={`${id}-carrier-msg`}
            onChange={(e) => {
              outcome.clearFailure();
              setCarrier(e.target.value);
            }}
          >
            <option value="">{t('fulfilment.ship.best')}</option>
            {serving.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} · {c.code} · {c.methods.map((m) => t(`shippingMethod.${m}`)).join('/')}
              </option>
            ))}
          </select>
        </FormField>
        <GeneralFailures failures={general} />
      </div>
    </Dialog>
  );
}
