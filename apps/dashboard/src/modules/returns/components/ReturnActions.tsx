import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturnDetailFragment } from '../../../gql/graphql';
import { InlineMessage, Spinner } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { ReasonDialog } from '../../orders/components/ReasonDialog';
import { useReturnActions } from '../hooks/useReturnActions';

/** A request's decision, for users who may handle returns: approve it, or reject it with a reason. */
export function ReturnActions({ returnRequest: r }: { returnRequest: ReturnDetailFragment }) {
  const { t } = useTranslation();
  const can = useCan();
  const actions = useReturnActions();
  const [rejecting, setRejecting] = useState(false);
  if (!can('RETURN_HANDLE') || r.status !== 'REQUESTED') return null;
  return (
    <div className="return-actions stack-sm">
      <div className="actions-row">
        <button
          type="button"
          className="btn btn-primary"
          disabled={actions.busy !== null}
          onClick={() => void actions.approve(r.id)}
        >
          {actions.busy === 'approve' && <Spinner small />}
          {t('returns.actions.approve')}
        </button>
        <button
          type="button"
          className="btn btn-danger-outline"
          disabled={actions.busy !== null}
          onClick={() => {
            actions.clearFailure();
            setRejecting(true);
          }}
        >
          {t('returns.actions.reject')}
        </button>
      </div>
      {!rejecting &&
        actions.failure?.map((m, i) => <InlineMessage key={i} tone="error" title={m.title} detail={m.detail} />)}
      <ReasonDialog
        open={rejecting}
        title={t('returns.reject.title', { number: r.number })}
        message={t('returns.reject.message')}
        withReason
        reasonSuggestions={[t('returns.reject.suggestions.window'), t('returns.reject.suggestions.used')]}
        confirmLabel={t('returns.actions.reject')}
        tone="danger"
        busy={actions.busy === 'reject'}
        failure={rejecting ? actions.failure : null}
        onClose={() => {
          setRejecting(false);
          actions.clearFailure();
        }}
        onConfirm={(reason) => void actions.reject(r.id, reason).then((ok) => ok && setRejecting(false))}
      />
    </div>
  );
}
