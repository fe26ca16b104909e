import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { ScorecardPeriodFragment } from '../../../gql/graphql';
import { STANDING_TONE } from './PurchasingBadges';

const WIDTH = 640;
const HEIGHT = 200;
const TOP = 12;
const BOTTOM = 34;
const LEFT = 34;
const RIGHT = 8;
/** Standing bands drawn as guide lines: below 50 blocked, 70 good, 85 excellent. */
const GUIDES = [50, 70, 85];

/**
 * Monthly scorecard totals, oldest on the left, as bars on a 0–100 scale. A month with no data is a
 * dashed gap labelled as such (no data is not zero).
 */
export function ScorecardChart({ periods }: { periods: readonly ScorecardPeriodFragment[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const months = [...periods].reverse();
  const plotH = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - LEFT - RIGHT) / Math.max(months.length, 1);
  const barW = Math.min(36, slot * 0.6);
  const y = (v: number) => TOP + plotH * (1 - v / 100);
  const summary = months
    .map(
      (p) =>
        `${p.periodStart.slice(0, 7)}: ${p.total === null || p.total === undefined ? t('scorecard.noData') : f.number(p.total)}`,
    )
    .join(', ');

  return (
    <figure className="scorecard-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${t('scorecard.chartTitle')}: ${summary}`}>
        {[0, ...GUIDES, 100].map((g) => (
          <g key={g}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(g)} y2={y(g)} className={g === 0 ? 'axis' : 'guide'} />
            <text x={LEFT - 6} y={y(g) + 4} textAnchor="end" className="tick">
              {g}
            </text>
          </g>
        ))}
        {months.map((p, i) => {
          const cx = LEFT + slot * i + slot / 2;
          const label = p.periodStart.slice(2, 7);
          if (p.total === null || p.total === undefined) {
            return (
              <g key={p.periodStart}>
                <rect x={cx - barW / 2} y={TOP} width={barW} height={plotH} className="bar-gap" rx={3} />
                <text x={cx} y={TOP + plotH / 2} textAnchor="middle" className="gap-label">
                  {t('scorecard.noDataShort')}
                </text>
                <text x={cx} y={HEIGHT - BOTTOM + 16} textAnchor="middle" className="tick">
                  {label}
                </text>
              </g>
            );
          }
          return (
            <g key={p.periodStart}>
              <rect
                x={cx - barW / 2}
                y={y(p.total)}
                width={barW}
                height={Math.max(1, plotH - (y(p.total) - TOP))}
                rx={3}
                className={`bar bar-${STANDING_TONE[p.standing]}`}
              >
                <title>{`${p.periodStart.slice(0, 7)}: ${f.number(p.total)} · ${t(`supplierStanding.${p.standing}`)}`}</title>
              </rect>
              <text x={cx} y={y(p.total) - 4} textAnchor="middle" className="value">
                {Math.round(p.total)}
              </text>
              <text x={cx} y={HEIGHT - BOTTOM + 16} textAnchor="middle" className="tick">
                {label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted small">{t('scorecard.chartCaption')}</figcaption>
    </figure>
  );
}
