import type { CSSProperties, ReactNode } from 'react';
import { Link } from 'react-router';

interface Props {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: 'good' | 'warn' | 'bad' | 'neutral';
  to?: string;
  size?: 'large' | 'small';
}

/** One number that matters, with what it is measured on; a link when there is a list behind it. */
export function KpiTile({ label, value, hint, tone = 'neutral', to, size = 'large' }: Props) {
  const body = (
    <>
      <span className="kpi-label">{label}</span>
      <span className={size === 'large' ? 'kpi-value' : 'kpi-value kpi-value-small'}>{value}</span>
      {hint && <span className="kpi-hint">{hint}</span>}
    </>
  );
  // A long figure (a day's amount) shrinks to fit the tile instead of being cut off.
  const fit = typeof value === 'string' ? ({ '--kpi-chars': String(value.length) } as CSSProperties) : undefined;
  const cls = `kpi kpi-${tone}${to ? ' kpi-link' : ''}${fit ? ' kpi-fit' : ''}`;
  return to ? (
    <Link to={to} className={cls} style={fit}>
      {body}
    </Link>
  ) : (
    <div className={cls} style={fit}>
      {body}
    </div>
  );
}
