import { DataSource } from 'typeorm';
import {
  addDays,
  criterionScores,
  DeliveryLine,
  rollingScore,
  ROLLING_PERIODS,
  SCORECARD_CRITERIA,
  scorecardMetrics,
  shanghaiDay,
  standingOf,
  totalScore,
} from '@fulfilment/domain';
import { inTransaction } from '../../common/transaction';
import { logger } from '../../common/logger';

/** Months a new period may look back (the first run after install, or after a long stop). */
export const SCORECARD_BACKFILL_MONTHS = 6;

/** First day of the month `months` before the month of `day`. */
function monthStart(day: string, months = 0): string {
  const [y, m] = day.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 - months, 1));
  return d.toISOString().slice(0, 10);
}

/**
 * Monthly supplier scorecards. A month is scored once it is over, from the lines promised in it and
 * the receipts dated in it, and stored with its inputs; the row never changes (a trigger refuses it).
 * The supplier's score is the rolling score of its last 12 periods (empty months left out, not 100),
 * and its standing follows from it.
 */
export class ScorecardService {
  constructor(private readonly ds: DataSource) {}

  /** Scores every finished month not yet scored (up to SCORECARD_BACKFILL_MONTHS back) and refreshes standings. */
  async scoreFinishedMonths(today = shanghaiDay()): Promise<{ periods: number }> {
    let periods = 0;
    const suppliers: { id: string }[] = await this.ds.query(`SELECT id FROM supplier ORDER BY code`);
    for (const { id } of suppliers) {
      for (let back = SCORECARD_BACKFILL_MONTHS; back >= 1; back--) {
        const start = monthStart(today, back);
        const end = addDays(monthStart(today, back - 1), -1);
        if (await this.scorePeriod(id, start, end)) periods++;
      }
      await this.refreshStanding(id);
    }
    if (periods) logger.info({ periods }, 'supplier scorecard periods stored');
    return { periods };
  }

  /** Stores the period unless it exists; false when it did. */
  async scorePeriod(supplierId: string, start: string, end: string): Promise<boolean> {
    return inTransaction(this.ds, async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('scorecard ' || $1 || $2, 0))`, [supplierId, start]);
      const [exists] = await m.query(
        `SELECT 1 FROM supplier_scorecard_period WHERE supplier_id = $1 AND period_start = $2`,
        [supplierId, start],
      );
      if (exists) return false;
      const rows: LineRow[] = await m.query(LINES_SQL, [supplierId, start, end]);
      const lines: DeliveryLine[] = rows.map((r) => ({
        promisedDate: r.promised_date,
        quantityDue: r.quantity,
        receipts: r.receipts,
        quotedLeadDays: r.quoted_lead_days,
        confirmedDate: r.confirmed_date,
        unitPriceFen: r.unit_price_fen,
        marketPriceFen: r.market_price_fen === null ? null : Number(r.market_price_fen),
      }));
      const [{ returned }] = await m.query(QUALITY_RETURNED_SQL, [supplierId, start, end]);
      const metrics = scorecardMetrics(lines, { start, end }, Number(returned));
      const scores = criterionScores(metrics);
      const total = totalScore(scores);
      await m.query(
        `INSERT INTO supplier_scorecard_period (supplier_id, period_start, period_end, metrics, on_time_in_full,
                 inspection_pass_rate, lead_time_kept, price_index, after_sales_quality, total, standing, weights)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          supplierId,
          start,
          end,
          JSON.stringify(metrics),
          scores.onTimeInFull,
          scores.inspectionPassRate,
          scores.leadTimeKept,
          scores.priceIndex,
          scores.afterSalesQuality,
          total,
          standingOf(total),
          JSON.stringify(Object.fromEntries(SCORECARD_CRITERIA.map((c) => [c.key, c.weight]))),
        ],
      );
      return true;
    });
  }

  async refreshStanding(supplierId: string): Promise<void> {
    const periods: { total: string | null }[] = await this.ds.query(
      `SELECT total::text FROM supplier_scorecard_period WHERE supplier_id = $1 ORDER BY period_start DESC LIMIT $2`,
      [supplierId, ROLLING_PERIODS],
    );
    const score = rollingScore(periods.map((p) => ({ score: p.total === null ? null : Number(p.total) })));
    await this.ds.query(
      `UPDATE supplier SET score = $2, standing = $3, updated_at = now()
        WHERE id = $1 AND (score IS DISTINCT FROM $2::numeric OR standing <> $3)`,
      [supplierId, score === null ? null : Math.round(score * 10) / 10, standingOf(score)],
    );
  }
}

interface LineRow {
  promised_date: string;
  quantity: number;
  receipts: { date: string; accepted: number; rejected: number }[];
  quoted_lead_days: number;
  confirmed_date: string;
  unit_price_fen: number;
  market_price_fen: string | null;
}

/** Units of quality returns traced to the supplier, received back in the period (Shanghai days), not restocked. */
const QUALITY_RETURNED_SQL = `
SELECT coalesce(sum(rl.damaged + rl.to_supplier), 0)::int AS returned
  FROM return_request r JOIN return_line rl ON rl.return_id = r.id
 WHERE rl.supplier_id = $1 AND r.reason = 'QUALITY'
   AND r.received_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
   AND r.received_at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`;

/*
 * Lines of the supplier's confirmed orders promised in the period or received in it, with their
 * receipts (Asia/Shanghai days), and the mean price of the other suppliers' active offers of the product.
 */
const LINES_SQL = `
SELECT to_char(l.promised_date, 'YYYY-MM-DD') AS promised_date, l.quantity,
       coalesce(l.quoted_lead_days, 1) AS quoted_lead_days,
       to_char((p.confirmed_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS confirmed_date,
       l.unit_price_fen,
       (SELECT avg(o.unit_price_fen) FROM supplier_offer o
         WHERE o.product_id = l.product_id AND o.supplier_id <> p.supplier_id AND o.active)::text AS market_price_fen,
       coalesce((SELECT json_agg(json_build_object(
                   'date', to_char((g.received_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD'),
                   'accepted', gl.accepted, 'rejected', gl.rejected) ORDER BY g.received_at)
                   FROM goods_receipt_line gl JOIN goods_receipt g ON g.id = gl.goods_receipt_id
                  WHERE gl.purchase_order_line_id = l.id), '[]') AS receipts
  FROM purchase_order p JOIN purchase_order_line l ON l.purchase_order_id = p.id
 WHERE p.supplier_id = $1 AND p.confirmed_at IS NOT NULL AND l.promised_date IS NOT NULL
   AND (l.promised_date BETWEEN $2::date AND $3::date
        OR EXISTS (SELECT 1 FROM goods_receipt_line gl JOIN goods_receipt g ON g.id = gl.goods_receipt_id
                    WHERE gl.purchase_order_line_id = l.id
                      AND (g.received_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2::date AND $3::date))`;
