import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import { ErrorState, LoadingState } from '../../../ui/States';
import { complaintQualityTraceQuery } from '../graphql/complaints';

/** A quality complaint's goods traced to the receipts and suppliers they most likely came from. */
export function QualityTrace({ complaintId }: { complaintId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { data, error, refetch } = useQuery(complaintQualityTraceQuery, { variables: { id: complaintId } });
  const lines = data?.complaint?.qualityTrace;
  return (
    <section className="card stack-sm" aria-labelledby="complaint-trace-title">
      <h2 id="complaint-trace-title" className="card-title">
        {t('complaints.trace.title')}
      </h2>
      <p className="muted small">{t('complaints.trace.intro')}</p>
      {error ? (
        <ErrorState compact error={error} onRetry={() => void refetch()} />
      ) : !lines ? (
        <LoadingState rows={2} />
      ) : lines.length === 0 ? (
        <p className="muted">{t('complaints.trace.none')}</p>
      ) : (
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('complaints.trace.sku')}</th>
              <th scope="col">{t('complaints.trace.receipt')}</th>
              <th scope="col">{t('complaints.trace.supplier')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.lineNo}>
                <td className="mono small">{l.sku}</td>
                <td className="small">
                  <span className="mono">{l.receipt.number}</span> · {f.dateTime(l.receipt.receivedAt)}
                </td>
                <td>
                  <Link to={`/suppliers/${encodeURIComponent(l.supplier.id)}`}>{l.supplier.name}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
