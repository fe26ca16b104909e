import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { BlockedAreasQuery } from '../../../gql/graphql';
import { EmptyState, InlineMessage, Spinner } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { blockAreaMutation, unblockAreaMutation } from '../graphql/areas';

interface Props {
  city: string;
  areas: BlockedAreasQuery['blockedAreas'];
  onChanged: () => void;
}

/** Zones no courier may be sent to now (flooding, road works, an event), blocked and unblocked here. */
export function BlockedAreasPanel({ city, areas, onChanged }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const outcome = useMutationOutcome();
  const [zone, setZone] = useState(city);
  const [reason, setReason] = useState('');
  const dispatcher = can('DISPATCH');

  const block = async () => {
    const ok = await outcome.run({
      mutation: blockAreaMutation,
      variables: { input: { zone: zone.trim(), reason: reason.trim() } },
      success: (p) => t('delivery.areas.blocked', { zone: p.area?.zone ?? zone, count: p.affected?.length ?? 0 }),
    });
    if (ok) {
      setReason('');
      onChanged();
    }
  };
  const unblock = async (z: string) => {
    if (
      await outcome.run({
        mutation: unblockAreaMutation,
        variables: { input: { zone: z } },
        success: () => t('delivery.areas.unblocked', { zone: z }),
      })
    )
      onChanged();
  };

  return (
    <div className="stack-sm">
      {dispatcher && (
        <form
          className="block-area-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (zone.trim() && reason.trim()) void block();
          }}
        >
          <label className="field">
            <span className="field-label">{t('delivery.areas.zone')}</span>
            <input
              value={zone}
              maxLength={64}
              onChange={(e) => setZone(e.target.value)}
              placeholder={t('delivery.areas.zoneHint')}
            />
          </label>
          <label className="field">
            <span className="field-label">{t('delivery.reason')}</span>
            <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="btn btn-danger" disabled={outcome.busy || !zone.trim() || !reason.trim()}>
            {outcome.busy && <Spinner small />}
            {t('delivery.areas.block')}
          </button>
        </form>
      )}
      {outcome.failure?.map((m, i) => (
        <InlineMessage key={i} tone="error" title={m.title} detail={m.detail} />
      ))}
      {!areas.length ? (
        <EmptyState title={t('delivery.areas.empty')} />
      ) : (
        <ul className="dispatch-list" aria-label={t('delivery.areas.title')}>
          {areas.map((a) => (
            <li key={a.id} className="dispatch-item is-late">
              <div className="dispatch-item-head">
                <strong>{a.zone}</strong>
                {dispatcher && (
                  <button
                    type="button"
                    className="btn btn-small dispatch-item-side"
                    disabled={outcome.busy}
                    onClick={() => void unblock(a.zone)}
                  >
                    {t('delivery.areas.unblock')}
                  </button>
                )}
              </div>
              <p className="small dispatch-note">{a.reason}</p>
              <div className="dispatch-item-meta small muted">
                <span>{a.blockedBy}</span>
                <span>{f.shortDateTime(a.blockedAt)}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
