import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormat } from '../../../app/format';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { useUser } from '../../auth/hooks/useSession';
import { Barcode } from '../components/Barcode';
import { pickListPath } from '../components/PickListTable';
import { PrintToolbar } from '../components/PrintToolbar';
import { usePickList } from '../hooks/usePickList';
import '../fulfilment.css';

/**
 * The pick list on paper: a barcode of its number, each stop in walking order with the SKU's barcode,
 * and each order's number as a barcode, for the picker's trolley. Print CSS keeps only the sheet.
 */
export function PickListPrintPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const user = useUser();
  const { id = '' } = useParams();
  const { list, loaded, error, refresh } = usePickList(id);

  if (error && !list) return <ErrorState error={error} onRetry={refresh} />;
  if (!loaded) return <LoadingState rows={6} />;
  if (!list) {
    return (
      <EmptyState title={t('fulfilment.pick.notFound')}>
        <Link to="/warehouse" className="btn">
          {t('fulfilment.pick.back')}
        </Link>
      </EmptyState>
    );
  }
  const units = list.lines.reduce((n, l) => n + l.required, 0);
  return (
    <div className="print-page">
      <PrintToolbar
        ready
        back={
          <Link to={pickListPath(list)} className="btn btn-ghost">
            ← {t('fulfilment.print.backToList', { number: list.number })}
          </Link>
        }
      >
        {t('fulfilment.print.hint')}
      </PrintToolbar>
      <article className="print-sheet" aria-labelledby="print-title">
        <header className="print-head">
          <div>
            <h1 id="print-title">{t('fulfilment.print.pickListTitle', { number: list.number })}</h1>
            <dl className="print-facts">
              <dt>{t('fulfilment.lists.columns.warehouse')}</dt>
              <dd>
                {list.warehouseCode} {list.warehouse.name}
              </dd>
              {list.deliveryCity && (
                <>
                  <dt>{t('fulfilment.create.deliveryCity')}</dt>
                  <dd>{list.deliveryCity}</dd>
                </>
              )}
              <dt>{t('fulfilment.lists.columns.created')}</dt>
              <dd>
                {f.dateTime(list.createdAt)} · {list.createdBy}
              </dd>
              <dt>{t('fulfilment.lists.columns.orders')}</dt>
              <dd>
                {list.shipments.length} · {t('fulfilment.lists.stops', { count: list.lines.length })} ·{' '}
                {t('fulfilment.lists.units', { count: units })}
              </dd>
              <dt>{t('fulfilment.lists.columns.picker')}</dt>
              <dd>{list.picker ?? '________________'}</dd>
            </dl>
          </div>
          <Barcode text={list.number} height={14} className="barcode-large" />
        </header>
        <table className="print-table">
          <thead>
            <tr>
              <th scope="col">{t('fulfilment.lines.seq')}</th>
              <th scope="col">{t('fulfilment.lines.bin')}</th>
              <th scope="col">{t('fulfilment.lines.sku')}</th>
              <th scope="col">{t('fulfilment.lines.product')}</th>
              <th scope="col" className="num">
                {t('fulfilment.lines.required')}
              </th>
              <th scope="col">{t('fulfilment.print.pickedBox')}</th>
            </tr>
          </thead>
          <tbody>
            {list.lines.map((l) => (
              <tr key={l.id}>
                <td>{l.seq}</td>
                <td className="mono strong print-bin">{l.binLocation ?? '—'}</td>
                <td>
                  <Barcode text={l.sku} height={8} />
                </td>
                <td>
                  {l.product.name}
                  <div className="small">{l.product.spec}</div>
                </td>
                <td className="num strong print-qty">{l.required}</td>
                <td className="print-box">{l.picked ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2 className="print-section">{t('fulfilment.print.orders')}</h2>
        <ul className="print-orders">
          {list.shipments.map((s) => (
            <li key={s.id}>
              <Barcode text={s.order.number} height={8} />
              <div className="small">
                {s.number} · {s.order.delivery.city}
                {s.order.priority !== 'NORMAL' && ` · ${t(`priority.${s.order.priority}`)}`}
              </div>
            </li>
          ))}
        </ul>
        <footer className="print-foot small">
          {t('fulfilment.print.printedBy', { name: user.name, time: f.dateTime(new Date().toISOString()) })}
        </footer>
      </article>
    </div>
  );
}
