import { useTranslation } from 'react-i18next';
import type { ComplaintPriority, ComplaintStatus, SlaState } from '../../../gql/graphql';
import { Badge, type Tone } from '../../../ui/Badge';

export const COMPLAINT_STATUS_TONE: Record<ComplaintStatus, Tone> = {
  OPEN: 'warning',
  ACKNOWLEDGED: 'info',
  INVESTIGATING: 'progress',
  WAITING_ON_CUSTOMER: 'neutral',
  RESOLVED: 'success',
  CLOSED: 'neutral',
  REOPENED: 'accent',
};

export const SLA_STATE_TONE: Record<SlaState, Tone> = {
  ON_TRACK: 'info',
  AT_RISK: 'warning',
  BREACHED: 'danger',
  PAUSED: 'neutral',
  MET: 'success',
};

const PRIORITY_TONE: Record<ComplaintPriority, Tone> = {
  URGENT: 'danger',
  HIGH: 'warning',
  NORMAL: 'neutral',
  LOW: 'neutral',
};

export function ComplaintStatusBadge({ status }: { status: ComplaintStatus }) {
  const { t } = useTranslation();
  return <Badge tone={COMPLAINT_STATUS_TONE[status]}>{t(`complaintStatus.${status}`)}</Badge>;
}

export function SlaStateBadge({ state }: { state: SlaState }) {
  const { t } = useTranslation();
  return <Badge tone={SLA_STATE_TONE[state]}>{t(`slaState.${state}`)}</Badge>;
}

export function ComplaintPriorityBadge({ priority }: { priority: ComplaintPriority }) {
  const { t } = useTranslation();
  return <Badge tone={PRIORITY_TONE[priority]}>{t(`complaintPriority.${priority}`)}</Badge>;
}
