import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutcomeMessage } from '../../../app/useMutationOutcome';
import type { ComplaintDetailFragment, Department } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import { InlineMessage } from '../../../ui/States';
import { complaintHandlersQuery } from '../graphql/complaints';

const DEPARTMENTS: Department[] = ['CUSTOMER_SERVICE', 'WAREHOUSE', 'DELIVERY', 'PURCHASING_QUALITY'];

interface Props {
  open: boolean;
  complaint: ComplaintDetailFragment;
  busy: boolean;
  failure: OutcomeMessage[] | null;
  onConfirm: (ownerId: string, department: Department | undefined) => void;
  onClose: () => void;
}

/**
 * Gives a complaint another owner (and department), chosen among the staff who may handle complaints
 * (`complaintHandlers`: active agents and managers).
 */
export function AssignDialog({ open, complaint, busy, failure, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const { data, loading } = useQuery(complaintHandlersQuery, { skip: !open });
  const handlers = data?.complaintHandlers ?? [];
  const [ownerId, setOwnerId] = useState('');
  const [department, setDepartment] = useState<Department>(complaint.department);
  useEffect(() => {
    if (open) {
      setOwnerId(complaint.owner?.id ?? '');
      setDepartment(complaint.department);
    }
  }, [open, complaint.owner?.id, complaint.department]);
  return (
    <Dialog
      open={open}
      title={t('complaints.assign.title', { number: complaint.number })}
      onClose={onClose}
      submitLabel={t('complaints.actions.assign')}
      busy={busy}
      submitDisabled={!ownerId}
      onSubmit={() => onConfirm(ownerId, department !== complaint.department ? department : undefined)}
    >
      <div className="stack">
        <div className="field">
          <label htmlFor={`${id}-owner`} className="field-label">
            {t('complaints.assign.owner')}
          </label>
          <select id={`${id}-owner`} value={ownerId} onChange={(e) => setOwnerId(e.target.value)} disabled={loading}>
            <option value="">{loading ? t('common.loading') : t('complaints.open.choose')}</option>
            {handlers.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-department`} className="field-label">
            {t('complaints.columns.department')}
          </label>
          <select
            id={`${id}-department`}
            value={department}
            onChange={(e) => setDepartment(e.target.value as Department)}
          >
            {DEPARTMENTS.map((d) => (
              <option key={d} value={d}>
                {t(`department.${d}`)}
              </option>
            ))}
          </select>
        </div>
        {failure?.map((f, i) => (
          <InlineMessage key={i} tone="error" title={f.title} detail={f.detail} />
        ))}
      </div>
    </Dialog>
  );
}
