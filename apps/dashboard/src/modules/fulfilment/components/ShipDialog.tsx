import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { ShipmentRowFragment } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import { FormField, GeneralFailures, splitFailures } from '../../purchasing/components/FormField';
import { shipOrderMutation } from '../graphql/shipments';
import { useCarrierChoice } from '../hooks/useCarrierChoice';

/**
 * Hands a packed shipment to a carrier: the best-ranked one for its destination, weight and urgency
 * unless one is chosen. The ranking is shown (price, transit, points; why a carrier cannot take it), and
 * only eligible carriers can be chosen. Mounted while open.
 */
export function ShipDialog({ shipment, onClose }: { shipment: ShipmentRowFragment; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const { choice } = useCarrierChoice(shipment.id);
  const outcome = useMutationOutcome();
  const [carrier, setCarrier] = useState('');
  const region = shipment.order.delivery.region;
  const options = choice?.options ?? [];
  const best = options.find((o) => o.rank === 1);
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
      wide
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
            <option value="">
              {best ? t('fulfilment.ship.bestIs', { name: best.carrier.name }) : t('fulfilment.ship.best')}
            </option>
            {options
              .filter((o) => o.eligible)
              .map((o) => (
                <option key={o.carrier.code} value={o.carrier.code}>
                  {o.carrier.name} · {o.carrier.code}
                </option>
              ))}
          </select>
        </FormField>
        {choice && (
          <table className="data-table compact" aria-label={t('fulfilment.ship.ranking')}>
            <caption className="muted table-caption">
              {t('fulfilment.ship.rankingFor', {
                method: t(`shippingMethod.${choice.method}`),
                kg: f.number(choice.weightG / 1000),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('fulfilment.ship.carrier')}</th>
                <th scope="col" className="num">
                  {t('fulfilment.ship.price')}
                </th>
                <th scope="col" className="num">
                  {t('fulfilment.ship.transit')}
                </th>
                <th scope="col" className="num">
                  {t('fulfilment.ship.points')}
                </th>
              </tr>
            </thead>
            <tbody>
              {options.map((o) => (
                <tr key={o.carrier.code} className={o.eligible ? undefined : 'muted'}>
                  <td>{o.rank ?? '—'}</td>
                  <td>
                    {o.carrier.name}
                    {o.excludedBecause && (
                      <div className="hint" lang="en">
                        {o.excludedBecause}
                      </div>
                    )}
                  </td>
                  <td className="num">¥{o.price.amount}</td>
                  <td className="num">{t('fulfilment.ship.days', { count: o.transitDays })}</td>
                  <td className="num">{o.eligible ? f.number(o.points.total) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <GeneralFailures failures={general} />
      </div>
    </Dialog>
  );
}
