import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import type { RequirementRowFragment } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import { StandingBadge, SupplierStatusBadge } from './PurchasingBadges';

/** Why a requirement exists (the figures it was computed from) and how each candidate supplier ranked. */
export function RequirementDialog({
  requirement,
  onClose,
}: {
  requirement: RequirementRowFragment | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const r = requirement;
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
      onClose={onClose}
    >
      {r && fig && (
        <div className="stack">
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
