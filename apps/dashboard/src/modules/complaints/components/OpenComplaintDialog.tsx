import { useApolloClient } from '@apollo/client/react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ComplaintCategory, ComplaintChannel, ComplaintPriority, OpenComplaintInput } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import { InlineMessage } from '../../../ui/States';
import { complaintOrderLookupQuery } from '../graphql/complaints';
import { useComplaintActions } from '../hooks/useComplaintActions';
import { complaintPath } from './paths';

export const CATEGORIES: ComplaintCategory[] = [
  'QUALITY',
  'LATE',
  'DAMAGED',
  'WRONG_ITEM',
  'MISSING_ITEM',
  'COURIER_SERVICE',
  'OTHER',
];
const CHANNELS: ComplaintChannel[] = ['PHONE', 'CHAT', 'EMAIL', 'APP'];
const PRIORITIES: ComplaintPriority[] = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];
const DESCRIPTION_MAX = 4000;

interface Props {
  open: boolean;
  onClose: () => void;
  /** The order it is about, when opened from the order page (its customer is taken). */
  orderNumber?: string;
}

/**
 * Records a complaint about an order (by the number the customer quotes) or a customer (by id): how it
 * arrived, what about, how urgent and what the customer says. A retry of the same dialog answers the
 * same complaint (idempotency key). Opens the new complaint's page.
 */
export function OpenComplaintDialog({ open, onClose, orderNumber }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const client = useApolloClient();
  const navigate = useNavigate();
  const actions = useComplaintActions();
  const [order, setOrder] = useState(orderNumber ?? '');
  const [customerId, setCustomerId] = useState('');
  const [channel, setChannel] = useState<ComplaintChannel>('PHONE');
  const [category, setCategory] = useState<ComplaintCategory | ''>('');
  const [priority, setPriority] = useState<ComplaintPriority>('NORMAL');
  const [description, setDescription] = useState('');
  const [touched, setTouched] = useState(false);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);
  const [key, setKey] = useState('');
  const { clearFailure } = actions;

  useEffect(() => {
    if (!open) return;
    setOrder(orderNumber ?? '');
    setCustomerId('');
    setChannel('PHONE');
    setCategory('');
    setPriority('NORMAL');
    setDescription('');
    setTouched(false);
    setLookupError(null);
    setKey(crypto.randomUUID());
    clearFailure();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset once per opening
  }, [open, orderNumber]);

  const noSubject = !order.trim() && !customerId.trim();
  const missingCategory = !category;
  const missingDescription = !description.trim();
  const invalid = noSubject || missingCategory || missingDescription;

  const submit = async () => {
    setTouched(true);
    setLookupError(null);
    if (invalid || !category) return;
    const input: OpenComplaintInput = {
      channel,
      category,
      priority,
      description: description.trim(),
      idempotencyKey: key,
    };
    if (order.trim()) {
      setLooking(true);
      try {
        const { data } = await client.query({
          query: complaintOrderLookupQuery,
          variables: { number: order.trim() },
          fetchPolicy: 'network-only',
        });
        if (!data?.orderByNumber) {
          setLookupError(t('complaints.open.orderNotFound', { number: order.trim() }));
          return;
        }
        input.orderId = data.orderByNumber.id;
      } catch {
        setLookupError(t('complaints.open.orderNotFound', { number: order.trim() }));
        return;
      } finally {
        setLooking(false);
      }
    }
    if (customerId.trim()) input.customerId = customerId.trim();
    const opened = await actions.open(input);
    if (opened) {
      onClose();
      void navigate(complaintPath(opened));
    }
  };

  const fieldError = (name: string) => actions.failure?.find((f) => f.field?.[f.field.length - 1] === name);
  const general = actions.failure?.filter(
    (f) => !['orderId', 'customerId', 'description'].includes(f.field?.at(-1) ?? ''),
  );

  return (
    <Dialog
      open={open}
      title={t('complaints.open.title')}
      onClose={onClose}
      submitLabel={t('complaints.open.submit')}
      busy={actions.busy === 'open' || looking}
      onSubmit={() => void submit()}
      wide
    >
      <div className="stack">
        <p className="muted small">{t('complaints.open.intro')}</p>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-order`} className="field-label">
              {t('complaints.open.order')}
            </label>
            <input
              id={`${id}-order`}
              className="mono"
              value={order}
              placeholder="SO20261122-000123"
              readOnly={Boolean(orderNumber)}
              aria-invalid={Boolean(lookupError || fieldError('orderId')) || (touched && noSubject)}
              aria-describedby={`${id}-order-hint`}
              onChange={(e) => setOrder(e.target.value)}
            />
            <span
              id={`${id}-order-hint`}
              className={lookupError || fieldError('orderId') ? 'field-error' : 'muted small'}
            >
              {lookupError ?? fieldError('orderId')?.title ?? t('complaints.open.orderHint')}
            </span>
          </div>
          <div className="field">
            <label htmlFor={`${id}-customer`} className="field-label">
              {t('complaints.open.customer')}
            </label>
            <input
              id={`${id}-customer`}
              className="mono"
              value={customerId}
              aria-invalid={Boolean(fieldError('customerId')) || (touched && noSubject)}
              aria-describedby={`${id}-customer-hint`}
              onChange={(e) => setCustomerId(e.target.value)}
            />
            <span id={`${id}-customer-hint`} className={fieldError('customerId') ? 'field-error' : 'muted small'}>
              {fieldError('customerId')?.title ?? t('complaints.open.customerHint')}
            </span>
          </div>
          {touched && noSubject && <span className="field-error span-2">{t('complaints.open.subjectRequired')}</span>}
          <div className="field">
            <label htmlFor={`${id}-channel`} className="field-label">
              {t('complaints.columns.channel')}
            </label>
            <select
              id={`${id}-channel`}
              value={channel}
              onChange={(e) => setChannel(e.target.value as ComplaintChannel)}
            >
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`complaintChannel.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-category`} className="field-label">
              {t('complaints.columns.category')} <span aria-hidden="true">*</span>
            </label>
            <select
              id={`${id}-category`}
              value={category}
              required
              aria-invalid={touched && missingCategory}
              onChange={(e) => setCategory(e.target.value as ComplaintCategory | '')}
            >
              <option value="">{t('complaints.open.choose')}</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`complaintCategory.${c}`)}
                </option>
              ))}
            </select>
            {touched && missingCategory ? (
              <span className="field-error">{t('complaints.open.categoryRequired')}</span>
            ) : (
              category && (
                <span className="muted small">
                  {t('complaints.open.routedTo', { department: t(`department.${DEPARTMENT_OF[category]}`) })}
                </span>
              )
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-priority`} className="field-label">
              {t('complaints.columns.priority')}
            </label>
            <select
              id={`${id}-priority`}
              value={priority}
              onChange={(e) => setPriority(e.target.value as ComplaintPriority)}
            >
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`complaintPriority.${p}`)} · {t(`complaintPriorityPolicy.${p}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`} className="field-label">
            {t('complaints.open.description')} <span aria-hidden="true">*</span>
          </label>
          <textarea
            id={`${id}-description`}
            rows={4}
            maxLength={DESCRIPTION_MAX}
            value={description}
            required
            aria-invalid={(touched && missingDescription) || Boolean(fieldError('description'))}
            onChange={(e) => setDescription(e.target.value)}
          />
          {touched && missingDescription ? (
            <span className="field-error">{t('complaints.open.descriptionRequired')}</span>
          ) : (
            fieldError('description') && <span className="field-error">{fieldError('description')?.title}</span>
          )}
        </div>
        {general?.map((m, i) => (
          <InlineMessage key={i} tone="error" title={m.title} detail={m.detail} />
        ))}
      </div>
    </Dialog>
  );
}

/** Where each category is routed (the server decides; shown as a hint). */
const DEPARTMENT_OF = {
  QUALITY: 'PURCHASING_QUALITY',
  LATE: 'DELIVERY',
  DAMAGED: 'WAREHOUSE',
  WRONG_ITEM: 'WAREHOUSE',
  MISSING_ITEM: 'WAREHOUSE',
  COURIER_SERVICE: 'DELIVERY',
  OTHER: 'CUSTOMER_SERVICE',
} as const satisfies Record<ComplaintCategory, string>;
