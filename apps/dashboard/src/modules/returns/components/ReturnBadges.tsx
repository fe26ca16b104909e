import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { OrderReturnState, ReturnReason, ReturnResolution, ReturnStatus } from '../../../gql/graphql';
import { Badge, type Tone } from '../../../ui/Badge';

export const RETURN_STATUS_TONE: Record<ReturnStatus, Tone> = {
  REQUESTED: 'warning',
  APPROVED: 'info',
  RECEIVED: 'progress',
  RESOLVED: 'success',
  REJECTED: 'danger',
  CANCELLED: 'neutral',
};

export const RETURN_STATUSES: ReturnStatus[] = [
  'REQUESTED',
  'APPROVED',
  'RECEIVED',
  'RESOLVED',
  'REJECTED',
  'CANCELLED',
];
export const RETURN_REASONS: ReturnReason[] = [
  'QUALITY',
  'DAMAGED',
  'WRONG_ITEM',
  'MISSING_ITEM',
  'NOT_AS_DESCRIBED',
  'CHANGED_MIND',
];
export const RETURN_RESOLUTIONS: ReturnResolution[] = ['REFUND', 'STORE_CREDIT', 'EXCHANGE'];

export function ReturnStatusBadge({ status }: { status: ReturnStatus }) {
  const { t } = useTranslation();
  return <Badge tone={RETURN_STATUS_TONE[status]}>{t(`returnStatus.${status}`)}</Badge>;
}

/** How much of an order came back, when anything did (nothing for NONE). */
export function OrderReturnStateBadge({ state }: { state: OrderReturnState }) {
  const { t } = useTranslation();
  if (state === 'NONE') return null;
  return (
    <Badge tone={state === 'FULL' ? 'danger' : 'warning'} title={t(`orderReturnStateHint.${state}`)}>
      {t(`orderReturnState.${state}`)}
    </Badge>
  );
}

export const resolutionText = (t: TFunction, r: ReturnResolution) => t(`returnResolution.${r}`);

/** "WTR-0001 × 2, RCE-0003 × 1": what comes back, in one line. */
export function linesSummary(lines: readonly { sku: string; quantity: number }[]): string {
  return lines.map((l) => `${l.sku} × ${l.quantity}`).join(', ');
}
