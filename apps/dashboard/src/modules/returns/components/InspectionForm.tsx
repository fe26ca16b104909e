import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import type { ReturnDetailFragment } from '../../../gql/graphql';
import { InlineMessage, Spinner } from '../../../ui/States';
import { useReturnActions } from '../hooks/useReturnActions';

interface LineInput {
  received: string;
  restock: string;
  damaged: string;
  toSupplier: string;
  note: string;
  /** Restock follows received − damaged − to supplier until typed over. */
  restockTyped: boolean;
}

type Field = 'received' | 'restock' | 'damaged' | 'toSupplier';
type Problem = 'count' | 'exceeds' | 'split' | null;

const num = (s: string) => (s.trim() === '' ? 0 : Number(s));
const isCount = (s: string) => s.trim() === '' || (Number.isInteger(Number(s)) && Number(s) >= 0);

/** What is wrong with one line, checked while typing (the server checks the same: inspectionProblems). */
function lineProblem(l: LineInput, requested: number): Problem {
  if (![l.received, l.restock, l.damaged, l.toSupplier].every(isCount)) return 'count';
  if (num(l.received) > requested) return 'exceeds';
  if (num(l.restock) + num(l.damaged) + num(l.toSupplier) !== num(l.received)) return 'split';
  return null;
}

/** Which inputs a problem concerns: a count that is no count, what was received beyond the request, or the split. */
function fieldInvalid(p: Problem, field: Field, value: string): boolean {
  if (p === 'count') return !isCount(value);
  if (p === 'exceeds') return field === 'received';
  return p === 'split' && field !== 'received';
}

/**
 * The warehouse's inspection of an approved return: per line what arrived and where it goes (back on
 * the shelf, written off as damaged, back to the supplier), with the running check "restock + damaged +
 * to supplier = received ≤ requested" before anything is sent. Booking it restocks and refunds at once.
 */
export function InspectionForm({ returnRequest: r }: { returnRequest: ReturnDetailFragment }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const actions = useReturnActions();
  const [lines, setLines] = useState<Record<number, LineInput>>(() =>
    Object.fromEntries(
      r.lines.map((l) => [
        l.lineNo,
        {
          received: String(l.quantity),
          restock: String(l.quantity),
          damaged: '',
          toSupplier: '',
          note: '',
          restockTyped: false,
        },
      ]),
    ),
  );
  const [touched, setTouched] = useState(false);
  const submitting = useRef(false);

  const update = (lineNo: number, patch: Partial<LineInput>) =>
    setLines((all) => {
      const next = { ...all[lineNo], ...patch };
      if (!next.restockTyped && !('restock' in patch) && [next.received, next.damaged, next.toSupplier].every(isCount))
        next.restock = String(Math.max(0, num(next.received) - num(next.damaged) - num(next.toSupplier)));
      return { ...all, [lineNo]: next };
    });

  const problems = new Map(r.lines.map((l) => [l.lineNo, lineProblem(lines[l.lineNo], l.quantity)]));
  const valid = [...problems.values()].every((p) => p === null);
  const receivedValue = r.lines.reduce((s, l) => s + l.unitPrice.fen * num(lines[l.lineNo].received), 0);
  const receivedUnits = r.lines.reduce((s, l) => s + num(lines[l.lineNo].received), 0);
  const problemText = (p: Problem, requested: number) =>
    p === 'count'
      ? t('userErrors.INVALID_QUANTITY')
      : p === 'exceeds'
        ? t('returns.inspect.exceeds', { requested })
        : p === 'split'
          ? t('returns.inspect.split')
          : null;

  const submit = async () => {
    setTouched(true);
    if (!valid || submitting.current) return;
    submitting.current = true;
    try {
      await actions.receive(
        r.id,
        r.lines.map((l) => {
          const v = lines[l.lineNo];
          return {
            lineNo: l.lineNo,
            received: num(v.received),
            restock: num(v.restock),
            damaged: num(v.damaged),
            toSupplier: num(v.toSupplier),
            ...(v.note.trim() ? { note: v.note.trim() } : {}),
          };
        }),
      );
    } finally {
      submitting.current = false;
    }
  };

  const label: Record<Field, string> = {
    received: t('returns.lines.received'),
    restock: t('returns.lines.restocked'),
    damaged: t('returns.lines.damaged'),
    toSupplier: t('returns.lines.toSupplier'),
  };

  return (
    <form
      className="card stack inspection-form"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div>
        <h2 id={`${id}-title`} className="card-title">
          {t('returns.inspect.title')}
        </h2>
        <p className="muted small">{t('returns.inspect.intro')}</p>
      </div>
      <div className="table-scroll">
        <table className="data-table compact inspection-table">
          <thead>
            <tr>
              <th scope="col">{t('returns.lines.sku')}</th>
              <th scope="col" className="num">
                {t('returns.lines.requested')}
              </th>
              <th scope="col">{label.received}</th>
              <th scope="col">{label.restock}</th>
              <th scope="col">{label.damaged}</th>
              <th scope="col">{label.toSupplier}</th>
              <th scope="col" title={t('returns.inspect.checkHint')}>
                {t('returns.inspect.check')}
              </th>
              <th scope="col">{t('returns.lines.note')}</th>
            </tr>
          </thead>
          <tbody>
            {r.lines.map((l) => {
              const v = lines[l.lineNo];
              const problem = problems.get(l.lineNo) ?? null;
              const errId = `${id}-${l.lineNo}-error`;
              const show = problem !== null;
              const input = (field: Field) => (
                <input
                  type="number"
                  min={0}
                  max={field === 'received' ? l.quantity : undefined}
                  step={1}
                  inputMode="numeric"
                  className="qty-input"
                  aria-label={t('returns.inspect.inputLabel', { what: label[field], sku: l.sku })}
                  placeholder="0"
                  aria-invalid={fieldInvalid(problem, field, v[field])}
                  aria-describedby={show ? errId : undefined}
                  value={v[field]}
                  onChange={(e) =>
                    update(
                      l.lineNo,
                      field === 'restock'
                        ? { restock: e.target.value, restockTyped: true }
                        : { [field]: e.target.value },
                    )
                  }
                />
              );
              const sum = num(v.restock) + num(v.damaged) + num(v.toSupplier);
              const received = num(v.received);
              return (
                <tr key={l.lineNo} className={show && touched ? 'row-danger' : undefined}>
                  <td>
                    <code>{l.sku}</code>
                    <div className="muted small">{f.money(l.unitPrice.fen)}</div>
                  </td>
                  <td className="num strong">{l.quantity}</td>
                  <td>{input('received')}</td>
                  <td>{input('restock')}</td>
                  <td>{input('damaged')}</td>
                  <td>{input('toSupplier')}</td>
                  <td>
                    <span
                      className={problem ? 'inspect-check inspect-check-bad' : 'inspect-check inspect-check-ok'}
                      data-testid={`check-${l.lineNo}`}
                    >
                      <span aria-hidden="true">{problem ? '✗' : '✓'}</span> {v.restock || 0} + {v.damaged || 0} +{' '}
                      {v.toSupplier || 0} {sum === received ? '=' : '≠'} {received} {received <= l.quantity ? '≤' : '>'}{' '}
                      {l.quantity}
                    </span>
                    {show && (
                      <div id={errId} className="field-error">
                        {problemText(problem, l.quantity)}
                      </div>
                    )}
                  </td>
                  <td>
                    <input
                      className="inspect-note"
                      maxLength={500}
                      aria-label={t('returns.inspect.inputLabel', { what: t('returns.lines.note'), sku: l.sku })}
                      value={v.note}
                      onChange={(e) => update(l.lineNo, { note: e.target.value })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {touched && !valid && (
        <InlineMessage tone="error" title={t('userErrors.INSPECTION_MISMATCH')} detail={t('returns.inspect.fix')} />
      )}
      {actions.failure?.map((m, i) => (
        <InlineMessage key={i} tone="error" title={m.title} detail={m.detail} />
      ))}
      <div className="inspection-foot">
        <span className="muted">
          {t(`returns.inspect.preview.${r.resolution}`, { amount: f.money(receivedValue), units: receivedUnits })}
        </span>
        <button type="submit" className="btn btn-primary" disabled={actions.busy !== null}>
          {actions.busy === 'receive' && <Spinner small />}
          {t('returns.inspect.submit')}
        </button>
      </div>
    </form>
  );
}
