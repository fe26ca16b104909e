import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { DeliveryRunQuery } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import { InlineMessage } from '../../../ui/States';
import { assignDeliveryRunMutation } from '../graphql/runs';

type Run = NonNullable<DeliveryRunQuery['deliveryRun']>;

interface Props {
  run: Run;
  onClose: () => void;
  /** After success, and after a refusal (another dispatcher may have changed the run). */
  onChanged: () => void;
}

/**
 * Every courier as planning ranked them for this run (points for distance, free room and on-time record),
 * the ineligible ones with the reason; the dispatcher picks another and says why.
 */
export function AssignCourierDialog({ run, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const outcome = useMutationOutcome();
  const current = run.courier?.id ?? null;
  const options = [...run.courierChoice].sort(
    (a, b) => Number(b.eligible) - Number(a.eligible) || (a.rank ?? 999) - (b.rank ?? 999),
  );
  const [chosen, setChosen] = useState<string | null>(
    options.find((o) => o.eligible && o.courier.id !== current)?.courier.id ?? null,
  );
  const [reason, setReason] = useState('');
  const ready = chosen !== null && chosen !== current && reason.trim().length > 0;

  const submit = async () => {
    if (!chosen) return;
    const picked = options.find((o) => o.courier.id === chosen);
    const ok = await outcome.run({
      mutation: assignDeliveryRunMutation,
      variables: { input: { runId: run.id, courierId: chosen, replacingCourierId: current, reason: reason.trim() } },
      success: () => t('delivery.assign.done', { run: run.number, courier: picked?.courier.name ?? '' }),
    });
    onChanged();
    if (ok) onClose();
  };

  const pts = (n: number) => f.number(Math.round(n * 10) / 10);
  return (
    <Dialog
      open
      wide
      title={t('delivery.assign.title', { run: run.number })}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('delivery.assign.submit')}
      submitDisabled={!ready}
      busy={outcome.busy}
      footerNote={
        run.courier ? t('delivery.assign.replacing', { courier: `${run.courier.code} ${run.courier.name}` }) : undefined
      }
    >
      <div className="stack">
        {options.length === 0 ? (
          <p className="muted">{t('delivery.assign.noChoice')}</p>
        ) : (
          <div className="table-scroll table-scroll-bounded">
            <table className="data-table choice-table">
              <thead>
                <tr>
                  <th />
                  <th className="num">{t('delivery.assign.rank')}</th>
                  <th>{t('delivery.assign.courier')}</th>
                  <th className="num">{t('delivery.assign.km')}</th>
                  <th className="num">{t('delivery.assign.distance')}</th>
                  <th className="num">{t('delivery.assign.load')}</th>
                  <th className="num">{t('delivery.assign.onTime')}</th>
                  <th className="num">{t('delivery.assign.total')}</th>
                  <th>{t('delivery.assign.note')}</th>
                </tr>
              </thead>
              <tbody>
                {options.map((o) => {
                  const isCurrent = o.courier.id === current;
                  return (
                    <tr
                      key={o.courier.id}
                      className={!o.eligible ? 'is-ineligible' : isCurrent ? 'is-current' : undefined}
                    >
                      <td>
                        <input
                          type="radio"
                          name="assign-courier"
                          aria-label={`${o.courier.code} ${o.courier.name}`}
                          disabled={!o.eligible || isCurrent}
                          checked={chosen === o.courier.id}
                          onChange={() => setChosen(o.courier.id)}
                        />
                      </td>
                      <td className="num">{o.rank ?? '—'}</td>
                      <td>
                        <span className="mono">{o.courier.code}</span> {o.courier.name}
                      </td>
                      <td className="num">{f.number(Math.round(o.kmToFirstStop * 10) / 10)}</td>
                      <td className="num">{pts(o.points.distance)}</td>
                      <td className="num">{pts(o.points.load)}</td>
                      <td className="num">{pts(o.points.onTime)}</td>
                      <td className="num strong">{pts(o.points.total)}</td>
                      <td className="small choice-note">
                        {isCurrent ? t('delivery.assign.current') : (o.excludedBecause ?? '')}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <label className="field">
          <span className="field-label">{t('delivery.reason')}</span>
          <textarea rows={2} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </label>
        {outcome.failure?.map((m, i) => (
          <InlineMessage key={i} tone="error" title={m.title} detail={m.detail} />
        ))}
      </div>
    </Dialog>
  );
}
