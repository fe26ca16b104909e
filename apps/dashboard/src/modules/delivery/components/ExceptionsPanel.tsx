import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import type { DeliveryRowFragment } from '../../../gql/graphql';
import { Badge } from '../../../ui/Badge';
import { EmptyState } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { runPath } from './paths';
import { ReplanDialog } from './ReplanDialog';
import { windowText } from './windowText';

interface Props {
  rows: readonly DeliveryRowFragment[];
  onReplanned: () => void;
}

/** Deliveries that failed on the road, with the courier's reason and note, each to be re-planned. */
export function ExceptionsPanel({ rows, onReplanned }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const [replanning, setReplanning] = useState<DeliveryRowFragment | null>(null);
  if (!rows.length) return <EmptyState title={t('delivery.exceptions.empty')} />;
  return (
    <>
      <ul className="dispatch-list" aria-label={t('delivery.exceptions.title')}>
        {rows.map((d) => (
          <li key={d.id} className="dispatch-item is-late">
            <div className="dispatch-item-head">
              <span className="mono strong">{d.number}</span>
              {d.exception && <Badge tone="danger">{t(`deliveryExceptionReason.${d.exception.reason}`)}</Badge>}
              {can('DISPATCH') && (
                <button type="button" className="btn btn-small dispatch-item-side" onClick={() => setReplanning(d)}>
                  {t('delivery.replan.open')}
                </button>
              )}
            </div>
            <div className="dispatch-item-meta small">
              <span>{d.zone}</span>
              <span>{windowText(f, d)}</span>
              {d.run && (
                <Link to={runPath(d.run)} className="mono">
                  {d.run.number}
                </Link>
              )}
            </div>
            {d.exception && (
              <p className="small dispatch-note">
                {d.exception.note || '—'} <span className="muted">· {f.shortDateTime(d.exception.at)}</span>
              </p>
            )}
          </li>
        ))}
      </ul>
      {replanning && <ReplanDialog delivery={replanning} onClose={() => setReplanning(null)} onDone={onReplanned} />}
    </>
  );
}
