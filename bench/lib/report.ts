/**
 * Every figure is printed as one line: the figure, its baseline measured in the same run (when it has
 * one), the ratio, and the goal with ✓ or ✗. The runner prints all lines again as a Markdown table.
 */
export interface Figure {
  benchmark: string;
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  /** The goal for the ratio (or, without a baseline, for the value) and which way it must go. */
  goal?: { atLeast?: number; atMost?: number };
  /** The goal is on the value even though there is a baseline (an absolute bound, e.g. a latency). */
  goalOnValue?: boolean;
  note?: string;
}

export const figures: Figure[] = [];

const fmt = (n: number) =>
  Number.isInteger(n) || Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(Math.abs(n) >= 10 ? 1 : 2);

export function ratioOf(f: Figure): number | undefined {
  return f.baseline === undefined ? undefined : f.value / f.baseline;
}

export function verdict(f: Figure): string {
  if (!f.goal) return '';
  const x = f.goalOnValue ? f.value : (ratioOf(f) ?? f.value);
  const ok =
    (f.goal.atLeast === undefined || x >= f.goal.atLeast) && (f.goal.atMost === undefined || x <= f.goal.atMost);
  const goal = [
    f.goal.atLeast !== undefined ? `≥ ${f.goal.atLeast}` : '',
    f.goal.atMost !== undefined ? `≤ ${f.goal.atMost}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return `goal ${goal} ${ok ? '✓' : '✗'}`;
}

export function report(f: Figure): void {
  figures.push(f);
  const ratio = ratioOf(f);
  const parts = [
    `[${f.benchmark}] ${f.name}: ${fmt(f.value)} ${f.unit}`,
    f.baseline !== undefined ? `baseline ${fmt(f.baseline)} ${f.unit}` : '',
    ratio !== undefined ? `ratio ${ratio.toFixed(2)}` : '',
    verdict(f),
    f.note ? `(${f.note})` : '',
  ];
  console.log(parts.filter(Boolean).join('  ·  '));
}

export function markdownTable(): string {
  const rows = figures.map((f) => {
    const ratio = ratioOf(f);
    return `| ${f.benchmark} | ${f.name} | ${fmt(f.value)} ${f.unit} | ${f.baseline !== undefined ? `${fmt(f.baseline)} ${f.unit}` : '–'} | ${ratio !== undefined ? ratio.toFixed(2) : '–'} | ${verdict(f) || '–'} |`;
  });
  return ['| Benchmark | Figure | Value | Baseline | Ratio | Goal |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

export function log(benchmark: string, message: string): void {
  console.log(`  ${benchmark}: ${message}`);
}
