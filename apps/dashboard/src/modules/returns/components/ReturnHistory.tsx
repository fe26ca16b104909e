import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ReturnDetailFragment, ReturnReason } from '../../../gql/graphql';
import { TimelineEvent } from '../../../ui/TimelineEvent';
import { ReturnStatusBadge } from './ReturnBadges';

/** The sentences the server writes for steps it takes itself (a rejection's reason is shown as written). */
const SYSTEM_REASONS = {
  'Within the policy': 'returns.history.reasons.withinPolicy',
  'Goods received and inspected': 'returns.history.reasons.inspected',
  'Nothing arrived to exchange': 'returns.history.reasons.nothingToExchange',
} as const;

/**
 * A history reason in the reader's words: the server records a request ("DAMAGED: WTR-0001 × 2"), an
 * inspection ("line 1: 2 received, 1 restocked, 1 damaged, 0 to supplier; …") and the outcome ("Refunded
 * ¥12.00") in English; the codes and figures are put in the reader's language, free text is kept.
 */
function reasonText(t: TFunction, type: string, reason: string): string {
  const system = SYSTEM_REASONS[reason as keyof typeof SYSTEM_REASONS];
  if (system) return t(system);
  const requested = /^([A-Z_]+): ([\s\S]*)$/.exec(reason);
  if (type === 'REQUESTED' && requested)
    return `${t(`returnReason.${requested[1] as ReturnReason}`, { defaultValue: requested[1] })}: ${requested[2]}`;
  const refunded = /^Refunded (.+)$/.exec(reason);
  if (refunded) return t('returns.history.reasons.refunded', { amount: refunded[1] });
  const credited = /^Credited (.+)$/.exec(reason);
  if (credited) return t('returns.history.reasons.credited', { amount: credited[1] });
  const exchanged = /^Exchanged: replacement order (.+)$/.exec(reason);
  if (exchanged) return t('returns.history.reasons.exchanged', { order: exchanged[1] });
  if (type === 'INSPECTED') {
    const lines = reason.split('; ').map((part) => {
      const m = /^line (\d+): (\d+) received, (\d+) restocked, (\d+) damaged, (\d+) to supplier$/.exec(part);
      return m
        ? t('returns.history.reasons.inspectedLine', {
            line: m[1],
            received: m[2],
            restocked: m[3],
            damaged: m[4],
            toSupplier: m[5],
          })
        : part;
    });
    return lines.join('; ');
  }
  return reason;
}

/** The return's history, newest first: what happened, the status step, why, who and when. */
export function ReturnHistory({ returnRequest }: { returnRequest: ReturnDetailFragment }) {
  const { t } = useTranslation();
  const events = [...returnRequest.events].sort((a, b) => b.sequence - a.sequence);
  return (
    <section className="card" aria-labelledby="return-history-title">
      <h2 id="return-history-title" className="card-title">
        {t('returns.history.title')}
      </h2>
      <ol className="timeline" aria-label={t('returns.history.title')}>
        {events.map((e) => (
          <TimelineEvent
            key={e.sequence}
            label={t(`returnEventType.${e.type}`)}
            title={t(`returnEventType.${e.type}`)}
            fromStatus={e.fromStatus}
            toStatus={e.toStatus}
            badge={(s) => <ReturnStatusBadge status={s} />}
            reason={e.reason && reasonText(t, e.type, e.reason)}
            createdAt={e.createdAt}
            actor={e.actor}
            sequence={e.sequence}
          />
        ))}
      </ol>
    </section>
  );
}
