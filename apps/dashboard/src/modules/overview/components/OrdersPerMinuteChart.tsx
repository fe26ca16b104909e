import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../../app/format';
import type { Overview } from '../hooks/useOverview';

/** Orders placed per minute, last hour; the current minute grows as orders arrive. */
export function OrdersPerMinuteChart({ data }: { data: Overview['ordersPerMinute'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const total = data.reduce((s, d) => s + d.count, 0);
  const last5 = data.slice(-5).reduce((s, d) => s + d.count, 0);
  const peak = Math.max(0, ...data.map((d) => d.count));
  return (
    <section className="card chart-card" aria-labelledby="opm-title">
      <h2 id="opm-title" className="card-title">
        {t('overview.perMinute.title')}
        <span className="live-pill" aria-hidden="true">
          {t('live.badge')}
        </span>
      </h2>
      <p className="muted small">
        {t('overview.perMinute.summary', { total: f.number(total), last5: f.number(last5), peak: f.number(peak) })}
      </p>
      <div className="chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -20 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border)" />
            <XAxis
              dataKey="minute"
              tickFormatter={(m: string) => f.time(m)}
              interval={9}
              tick={{ fontSize: 11, fill: 'var(--muted)' }}
              tickLine={false}
              axisLine={{ stroke: 'var(--border)' }}
            />
            <YAxis
              allowDecimals={false}
              tick={{ fontSize: 11, fill: 'var(--muted)' }}
              tickLine={false}
              axisLine={false}
              width={44}
            />
            <Tooltip
              cursor={{ fill: 'rgba(29, 78, 216, 0.08)' }}
              labelFormatter={(m) => f.time(String(m))}
              formatter={(v) => [f.number(Number(v)), t('overview.perMinute.orders')]}
            />
            <Bar dataKey="count" fill="var(--primary)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
