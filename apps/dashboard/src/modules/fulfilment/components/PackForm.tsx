import { trackingNumberProblem } from '@fulfilment/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { PackageMaterial, ShipmentDetailFragment } from '../../../gql/graphql';
import { Spinner } from '../../../ui/States';
import { GeneralFailures } from '../../purchasing/components/FormField';
import { packOrderMutation } from '../graphql/shipments';
import { packagingReasonKey } from './packaging';

export const PACKAGE_MATERIALS: PackageMaterial[] = [
  'CARTON',
  'PADDED_CARTON',
  'SEALED_CARTON',
  'INSULATED_BOX',
  'STRAPPED_CASE',
];

interface Row {
  key: number;
  material: PackageMaterial;
  weight: string;
  tracking: string;
  proposal: ShipmentDetailFragment['proposedPackaging'][number] | null;
}

const isGrams = (s: string) => /^\d+$/.test(s.trim()) && Number(s) >= 1 && Number(s) <= 1_000_000;

/**
 * Packing a checked shipment: the platform's proposed packages, pre-filled, each with the weight from
 * the scale and, optionally, a pre-printed label's tracking number (the platform prints one otherwise).
 */
export function PackForm({ shipment }: { shipment: ShipmentDetailFragment }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const outcome = useMutationOutcome();
  const [rows, setRows] = useState<Row[]>(() =>
    (shipment.proposedPackaging.length
      ? shipment.proposedPackaging
      : [{ material: 'CARTON' as PackageMaterial, weightG: 0, reason: '', items: [] }]
    ).map((p, i) => ({
      key: i,
      material: p.material,
      weight: '',
      tracking: '',
      proposal: shipment.proposedPackaging.length ? p : null,
    })),
  );
  const [touched, setTouched] = useState(false);
  const [nextKey, setNextKey] = useState(rows.length);

  const update = (key: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  // Server userErrors name the package by its index.
  const server = new Map<string, string>();
  const general = [];
  for (const fail of outcome.failure ?? []) {
    const [root, list, index, field] = fail.field ?? [];
    if (root === 'input' && list === 'packages' && index !== undefined && field)
      server.set(`${index}.${field}`, fail.title);
    else general.push(fail);
  }
  const weightProblem = (r: Row) => (isGrams(r.weight) ? null : t('fulfilment.pack.weightInvalid'));
  const trackingProblem = (r: Row) =>
    r.tracking.trim() && trackingNumberProblem(r.tracking.trim().toUpperCase())
      ? t('userErrors.INVALID_TRACKING_NUMBER')
      : null;
  const valid = rows.length > 0 && rows.every((r) => !weightProblem(r) && !trackingProblem(r));

  const submit = async () => {
    setTouched(true);
    if (!valid) return;
    await outcome.run({
      mutation: packOrderMutation,
      variables: {
        input: {
          shipmentId: shipment.id,
          packages: rows.map((r) => ({
            material: r.material,
            weightG: Number(r.weight),
            ...(r.tracking.trim() ? { trackingNumber: r.tracking.trim().toUpperCase() } : {}),
          })),
        },
      },
      success: (p) =>
        t('fulfilment.pack.packed', {
          number: shipment.number,
          count: p.shipment?.packages.length ?? rows.length,
          tracking: p.shipment?.trackingNumber ?? '',
        }),
    });
  };

  return (
    <form
      className="card stack floor-card"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id={`${id}-title`} className="card-title">
        {t('fulfilment.pack.title')}
      </h2>
      <p className="muted small">{t('fulfilment.pack.hint')}</p>
      <div className="table-scroll">
        <table className="data-table compact pack-form">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('fulfilment.pack.material')}</th>
              <th scope="col">{t('fulfilment.pack.contents')}</th>
              <th scope="col" className="num">
                {t('fulfilment.pack.expected')}
              </th>
              <th scope="col">{t('fulfilment.pack.weight')}</th>
              <th scope="col">{t('fulfilment.pack.tracking')}</th>
              <th scope="col">
                <span className="sr-only">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const wErr = (touched || r.weight !== '' ? weightProblem(r) : null) ?? server.get(`${i}.weightG`);
              const tErr = trackingProblem(r) ?? server.get(`${i}.trackingNumber`);
              const reasonKey = r.proposal ? packagingReasonKey(r.proposal.material, r.proposal.reason) : null;
              return (
                <tr key={r.key}>
                  <td className="muted">{i + 1}</td>
                  <td>
                    <select
                      aria-label={t('fulfilment.pack.materialOf', { n: i + 1 })}
                      value={r.material}
                      onChange={(e) => update(r.key, { material: e.target.value as PackageMaterial })}
                    >
                      {PACKAGE_MATERIALS.map((m) => (
                        <option key={m} value={m}>
                          {t(`packageMaterial.${m}`)}
                        </option>
                      ))}
                    </select>
                    {r.proposal && (
                      <div className="muted small wrap" title={r.proposal.reason} lang={reasonKey ? undefined : 'en'}>
                        {reasonKey ? t(reasonKey) : r.proposal.reason}
                      </div>
                    )}
                  </td>
                  <td className="small">
                    {r.proposal?.items.map((it) => (
                      <div key={it.sku}>
                        <code>{it.sku}</code> × {it.quantity}
                      </div>
                    )) ?? <span className="muted">—</span>}
                  </td>
                  <td className="num small">{r.proposal ? `${f.number(r.proposal.weightG)} g` : '—'}</td>
                  <td>
                    <input
                      type="number"
                      min={1}
                      step={1}
                      inputMode="numeric"
                      className="qty-input"
                      aria-label={t('fulfilment.pack.weightOf', { n: i + 1 })}
                      aria-invalid={Boolean(wErr)}
                      value={r.weight}
                      placeholder={r.proposal ? String(r.proposal.weightG) : undefined}
                      onChange={(e) => update(r.key, { weight: e.target.value })}
                    />
                    {wErr && <div className="field-error">{wErr}</div>}
                  </td>
                  <td>
                    <input
                      className="mono tracking-input"
                      aria-label={t('fulfilment.pack.trackingOf', { n: i + 1 })}
                      aria-invalid={Boolean(tErr)}
                      maxLength={13}
                      value={r.tracking}
                      placeholder={t('fulfilment.pack.trackingPlaceholder')}
                      onChange={(e) => update(r.key, { tracking: e.target.value })}
                    />
                    {tErr && <div className="field-error">{tErr}</div>}
                  </td>
                  <td>
                    {rows.length > 1 && (
                      <button
                        type="button"
                        className="icon-btn"
                        aria-label={t('fulfilment.pack.remove', { n: i + 1 })}
                        onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}
                      >
                        ×
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            setRows((all) => [...all, { key: nextKey, material: 'CARTON', weight: '', tracking: '', proposal: null }]);
            setNextKey((k) => k + 1);
          }}
        >
          {t('fulfilment.pack.add')}
        </button>
      </div>
      <GeneralFailures failures={general} />
      <div>
        <button type="submit" className="btn btn-primary" disabled={outcome.busy}>
          {outcome.busy && <Spinner small />}
          {t('fulfilment.pack.submit')}
        </button>
      </div>
    </form>
  );
}
