import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetailFragment } from '../../../gql/graphql';
import { InlineMessage, Spinner } from '../../../ui/States';
import { useCan, useUser } from '../../auth/hooks/useSession';
import { ReasonDialog } from '../../orders/components/ReasonDialog';
import { useComplaintActions, type ComplaintAction } from '../hooks/useComplaintActions';
import { AssignDialog } from './AssignDialog';
import { ResolveDialog } from './ResolveDialog';

type DialogName = 'assign' | 'resolve' | 'reopen' | null;

/** The steps the complaint's status allows, for users who may handle complaints. */
export function ComplaintActions({ complaint }: { complaint: ComplaintDetailFragment }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useUser();
  const actions = useComplaintActions(complaint.number);
  const [dialog, setDialog] = useState<DialogName>(null);
  if (!can('COMPLAINT_HANDLE')) return null;
  const s = complaint.status;
  const id = complaint.id;
  const close = () => {
    setDialog(null);
    actions.clearFailure();
  };
  const show = (d: DialogName) => {
    actions.clearFailure();
    setDialog(d);
  };
  const button = (a: ComplaintAction, label: string, onClick: () => void, tone = '') => (
    <button key={a} type="button" className={`btn ${tone}`.trim()} disabled={actions.busy !== null} onClick={onClick}>
      {actions.busy === a && <Spinner small />}
      {label}
    </button>
  );
  const working = ['ACKNOWLEDGED', 'REOPENED', 'INVESTIGATING', 'WAITING_ON_CUSTOMER'].includes(s);
  const done = s === 'RESOLVED' || s === 'CLOSED';
  return (
    <div className="complaint-actions stack-sm">
      <div className="actions-row">
        {s === 'OPEN' &&
          button('acknowledge', t('complaints.actions.acknowledge'), () => void actions.acknowledge(id), 'btn-primary')}
        {!done &&
          complaint.owner?.id !== me.id &&
          button('assign', t('complaints.actions.takeIt'), () => void actions.assign(id, me.id))}
        {!done && button('assign', t('complaints.actions.assignTo'), () => show('assign'))}
        {(s === 'ACKNOWLEDGED' || s === 'REOPENED' || s === 'WAITING_ON_CUSTOMER') &&
          button('investigate', t('complaints.actions.investigate'), () => void actions.investigate(id))}
        {(s === 'ACKNOWLEDGED' || s === 'REOPENED' || s === 'INVESTIGATING') &&
          button('wait', t('complaints.actions.wait'), () => void actions.wait(id))}
        {working && button('resolve', t('complaints.actions.resolve'), () => show('resolve'), 'btn-primary')}
        {s === 'RESOLVED' && button('close', t('complaints.actions.close'), () => void actions.close(id))}
        {done && button('reopen', t('complaints.actions.reopen'), () => show('reopen'))}
      </div>
      {dialog === null &&
        actions.failure?.map((m, i) => <InlineMessage key={i} tone="error" title={m.title} detail={m.detail} />)}
      <ResolveDialog
        open={dialog === 'resolve'}
        busy={actions.busy === 'resolve'}
        failure={dialog === 'resolve' ? actions.failure : null}
        onClose={close}
        onConfirm={(rootCause, outcome, note) =>
          void actions.resolve(id, rootCause, outcome, note).then((ok) => ok && setDialog(null))
        }
      />
      <ReasonDialog
        open={dialog === 'reopen'}
        title={t('complaints.reopen.title', { number: complaint.number })}
        message={t('complaints.reopen.message')}
        withReason
        confirmLabel={t('complaints.actions.reopen')}
        tone="primary"
        busy={actions.busy === 'reopen'}
        failure={dialog === 'reopen' ? actions.failure : null}
        onClose={close}
        onConfirm={(reason) => void actions.reopen(id, reason).then((ok) => ok && setDialog(null))}
      />
      {can('USER_MANAGE') && (
        <AssignDialog
          open={dialog === 'assign'}
          complaint={complaint}
          busy={actions.busy === 'assign'}
          failure={dialog === 'assign' ? actions.failure : null}
          onClose={close}
          onConfirm={(ownerId, department) =>
            void actions.assign(id, ownerId, department).then((ok) => ok && setDialog(null))
          }
        />
      )}
    </div>
  );
}
