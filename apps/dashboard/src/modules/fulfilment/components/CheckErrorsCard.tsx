import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { ShipmentDetailFragment } from '../../../gql/graphql';
import { Badge } from '../../../ui/Badge';

/** Every wrong item or quantity a check found on the shipment, with the picker it counts against. */
export function CheckErrorsCard({ errors }: { errors: ShipmentDetailFragment['checkErrors'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!errors.length) return null;
  return (
    <section className="card" aria-labelledby="check-errors-title">
      <h2 id="check-errors-title" className="card-title">
        {t('fulfilment.checkErrors.title')}
      </h2>
      <div className="table-scroll">
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('fulfilment.checkErrors.kind')}</th>
              <th scope="col">{t('fulfilment.lines.sku')}</th>
              <th scope="col" className="num">
                {t('fulfilment.checkErrors.expected')}
              </th>
              <th scope="col" className="num">
                {t('fulfilment.checkErrors.counted')}
              </th>
              <th scope="col">{t('fulfilment.checkErrors.pickedBy')}</th>
              <th scope="col">{t('fulfilment.checkErrors.found')}</th>
              <th scope="col">{t('fulfilment.checkErrors.state')}</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={i} className={e.correctedAt ? 'row-muted' : 'row-danger'}>
                <td>
                  <Badge tone={e.kind === 'WRONG_ITEM' ? 'danger' : 'warning'}>{t(`checkErrorKind.${e.kind}`)}</Badge>
                </td>
                <td>
                  <code>{e.sku}</code>
                </td>
                <td className="num">{e.expected}</td>
                <td className="num strong">{e.counted}</td>
                <td>{e.pickedBy ?? '—'}</td>
                <td className="small">
                  {f.shortDateTime(e.createdAt)} · {e.checkedBy}
                </td>
                <td className="small">
                  {e.correctedAt ? (
                    <span className="text-success">
                      {t('fulfilment.checkErrors.corrected', { time: f.shortDateTime(e.correctedAt) })}
                    </span>
                  ) : (
                    <span className="text-danger strong">{t('fulfilment.checkErrors.open')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
