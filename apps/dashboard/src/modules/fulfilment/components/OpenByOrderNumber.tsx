import { useApolloClient } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useErrorText } from '../../../app/errors';
import { Spinner } from '../../../ui/States';
import { orderPartsByNumberQuery } from '../graphql/shipments';
import { shipmentPath } from './ShipmentTable';

const WAITING = ['PICKED', 'CHECKED', 'PACKED'];

/**
 * The checker scans an order number (printed on the pick list) and lands on its part waiting for the
 * check or packing, without looking it up in the list.
 */
export function OpenByOrderNumber() {
  const { t } = useTranslation();
  const id = useId();
  const client = useApolloClient();
  const navigate = useNavigate();
  const describe = useErrorText();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const open = async () => {
    const number = value.trim().toUpperCase();
    if (!number) return;
    setBusy(true);
    setMessage(null);
    try {
      const { data } = await client.query({
        query: orderPartsByNumberQuery,
        variables: { number },
        fetchPolicy: 'network-only',
      });
      const order = data?.orderByNumber;
      const part = order?.shipments.find((s) => WAITING.includes(s.status));
      if (!order) setMessage(t('fulfilment.open.noOrder', { number }));
      else if (!part) setMessage(t('fulfilment.open.nothingWaiting', { number }));
      else navigate(shipmentPath(part));
    } catch (e) {
      setMessage(describe(e).title);
    } finally {
      setBusy(false);
      setValue('');
    }
  };

  return (
    <form
      className="field open-by-number"
      onSubmit={(e) => {
        e.preventDefault();
        void open();
      }}
    >
      <label htmlFor={`${id}-order`} className="field-label">
        {t('fulfilment.open.label')}
      </label>
      <span className="open-by-number-row">
        <input
          id={`${id}-order`}
          className="mono"
          value={value}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('fulfilment.open.placeholder')}
          aria-describedby={`${id}-order-msg`}
          onChange={(e) => setValue(e.target.value)}
        />
        {busy && <Spinner small />}
      </span>
      <span id={`${id}-order-msg`} className={message ? 'field-error' : 'sr-only'} role="status">
        {message ?? ''}
      </span>
    </form>
  );
}
