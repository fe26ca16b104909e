import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { RequirementRowFragment } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import { InlineMessage } from '../../../ui/States';
import { useCan } from '../../auth/hooks/useSession';
import { dismissRequirementMutation } from '../graphql/requirements';
import { StandingBadge, SupplierStatusBadge } from './PurchasingBadges';

/**
 * Why a requirement exists (the figures it was computed from) and how each candidate supplier ranked;
 * a purchaser may dismiss an open one with a reason instead of ordering it.
 */
export function RequirementDialog({
  requirement,
  onClose,
  onDismissed,
}: {
  requirement: RequirementRowFragment | null;
  onClose: () => void;
  /** After a dismissal, so the list can be read again. */
  onDismissed?: (requirement: RequirementRowFragment) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const can = useCan();
  const outcome = useMutationOutcome();
  const r = requirement;
  /** The requirement whose dismissal is being written (so another one opens without it). */
  const [dismissFor, setDismissFor] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const dismissing = Boolean(r) && dismissFor === r?.id;
  const mayDismiss = Boolean(r) && r?.status === 'OPEN' && can('PURCHASE_ORDER_MANAGE');
  useEffect(() => {
    if (dismissing) reasonRef.current?.focus();
  }, [dismissing]);

  const startDismiss = () => {
    if (!r) return;
    setReason('');
    setTouched(false);
    outcome.clearFailure();
    setDismissFor(r.id);
  };
  const close = () => {
    setDismissFor(null);
    outcome.clearFailure();
    onClose();
  };
  const dismiss = async () => {
    setTouched(true);
    if (!r || !reason.trim()) return;
    const ok = await outcome.run({
      mutation: dismissRequirementMutation,
      variables: { input: { requirementId: r.id, reason: reason.trim() } },
      success: () => t('purchasing.requirements.dismissed', { number: r.number }),
    });
    if (ok) {
      onDismissed?.(r);
      close();
    }
  };
  const fig = r?.figures;
  const figures: [string, string][] = fig
    ? [
        ['onHand', f.number(fig.onHand)],
        ['reserved', f.number(fig.reserved)],
        ['available', f.number(fig.available)],
        ['backordered', f.number(fig.backordered)],
        ['onOrder', f.number(fig.onOrder)],
        ['openRequirements', f.number(fig.openRequirements)],
        ['dailySales', f.number(fig.dailySales)],
        ['leadTimeDays', t('purchasing.requirements.days', { count: fig.leadTimeDays })],
        ['demandDuringLead', f.number(fig.demandDuringLead)],
        ['projected', f.number(fig.projected)],
        ['thresholds', `${f.number(fig.lowThreshold)} / ${f.number(fig.highThreshold)}`],
        ['shortfall', f.number(fig.shortfall)],
      ]
    : [];
  return (
    <Dialog
      open={Boolean(r)}
      wide
      title={
        r ? t('purchasing.requirements.detailTitle', { number: r.number, sku: r.sku, warehouse: r.warehouseCode }) : ''
      }
      onClose={close}
      onSubmit={dismissing ? () => void dismiss() : undefined}
      submitLabel={t('purchasing.requirements.dismissSubmit')}
      submitTone="danger"
      busy={outcome.busy}
      footerNote={
        mayDismiss &&
        !dismissing && (
          <button type="button" className="btn btn-danger-outline" onClick={startDismiss}>
            {t('purchasing.requirements.dismiss')}
          </button>
        )
      }
    >
      {r && fig && (
        <div className="stack">
          {dismissing && (
            <div className="field">
              <label htmlFor={`${id}-reason`} className="field-label">
                {t('purchasing.requirements.dismissReason')} <span aria-hidden="true">*</span>
              </label>
              <textarea
                ref={reasonRef}
                id={`${id}-reason`}
                rows={2}
                maxLength={500}
                required
                value={reason}
                aria-invalid={touched && !reason.trim()}
                aria-describedby={`${id}-reason-msg`}
                onChange={(e) => setReason(e.target.value)}
              />
              {touched && !reason.trim() ? (
                <span id={`${id}-reason-msg`} className="field-error">
                  {t('purchasing.requirements.dismissReasonRequired')}
                </span>
              ) : (
                <span id={`${id}-reason-msg`} className="muted small">
                  {t('purchasing.requirements.dismissHint')}
                </span>
              )}
              {outcome.failure?.map((m, i) => (
                <InlineMessage key={i} tone="error" title={m.title} detail={m.detail} />
              ))}
            </div>
          )}
          {r.status === 'DISMISSED' && r.dismissedReason && (
            <div className="hold-box" role="note">
              {t('purchasing.requirements.dismissedBecause', { reason: r.dismissedReason })}
            </div>
          )}
          <p className="muted">
            {t(`requirementTrigger.hint.${r.trigger}`)}{' '}
            {t('purchasing.requirements.why', {
              quantity: f.number(r.quantity),
              projected: f.number(fig.projected),
              high: f.number(fig.highThreshold),
            })}{' '}
            {t('purchasing.requirements.rounding', { moq: fig.minOrderQty, pack: fig.packMultiple })}
          </p>
          <section aria-labelledby="req-figures">
            <h3 id="req-figures" className="card-subtitle">
              {t('purchasing.requirements.figuresTitle')}
            </h3>
            <dl className="figures-grid">
              {figures.map(([k, v]) => (
                <div key={k}>
                  <dt>{t(`purchasing.requirements.figures.${k}` as 'purchasing.requirements.figures.onHand')}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="req-candidates">
            <h3 id="req-candidates" className="card-subtitle">
              {t('purchasing.requirements.candidatesTitle')}
            </h3>
            {r.candidates.length === 0 ? (
              <p className="muted">{t('purchasing.requirements.noCandidates')}</p>
            ) : (
              <div className="table-scroll table-scroll-bounded">
                <table className="data-table compact candidates-table">
                  <thead>
                    <tr>
                      <th scope="col" className="col-rank">
                        {t('purchasing.requirements.candidate.rank')}
                      </th>
                      <th scope="col">{t('purchasing.requirements.candidate.supplier')}</th>
                      <th scope="col" className="col-standing">
                        {t('suppliers.columns.standing')}
                      </th>
                      <th scope="col" className="num">
                        {t('purchasing.requirements.candidate.price')}
                      </th>
                      <th scope="col" className="num">
                        {t('purchasing.requirements.candidate.leadTime')}
                      </th>
                      <th scope="col" className="num" title={t('purchasing.requirements.candidate.pointsHint')}>
                        {t('purchasing.requirements.candidate.points')}
                      </th>
                      <th scope="col" className="num">
                        {t('purchasing.requirements.candidate.total')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.candidates.map((c) => (
                      <tr key={c.supplierId} className={c.eligible ? undefined : 'row-muted'}>
                        <td>{c.rank ?? '—'}</td>
                        <td>
                          <Link to={`/suppliers/${encodeURIComponent(c.supplierId)}`} className="mono">
                            {c.supplierCode}
                          </Link>
                          {!c.eligible && (
                            <div className="small text-danger">
                              {t('purchasing.requirements.candidate.excluded', { reason: c.excludedBecause ?? '' })}
                            </div>
                          )}
                        </td>
                        <td>
                          <span className="badges">
                            <StandingBadge standing={c.standing} />
                            {c.status !== 'QUALIFIED' && <SupplierStatusBadge status={c.status} />}
                          </span>
                        </td>
                        <td className="num">{f.money(c.unitPrice.fen)}</td>
                        <td className="num">{t('purchasing.requirements.days', { count: c.leadTimeDays })}</td>
                        <td className="num small">
                          {Math.round(c.points.score)} / {Math.round(c.points.price)} / {Math.round(c.points.leadTime)}
                        </td>
                        <td className="num strong">
                          {c.eligible ? f.number(Math.round(c.points.total * 10) / 10) : '—'}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </div>
      )}
    </Dialog>
  );
}
