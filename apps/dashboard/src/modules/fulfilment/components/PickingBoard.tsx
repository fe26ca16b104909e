import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { useMutationOutcome } from '../../../app/useMutationOutcome';
import type { PickListDetailFragment, ShortPickReason } from '../../../gql/graphql';
import { Dialog } from '../../../ui/Dialog';
import { Spinner } from '../../../ui/States';
import { VirtualTable, type Column } from '../../../ui/VirtualTable';
import { useCan } from '../../auth/hooks/useSession';
import { GeneralFailures } from '../../purchasing/components/FormField';
import { recordPickMutation } from '../graphql/pickLists';

type Line = PickListDetailFragment['lines'][number];
const SHORT_REASONS: ShortPickReason[] = ['NOT_FOUND', 'DAMAGED'];

interface ScanMessage {
  tone: 'success' | 'error' | 'info';
  text: string;
}

const isCount = (s: string) => /^\d+$/.test(s.trim());

/**
 * The picker's screen: the stops in walking order and a scanner field, focused while the list runs.
 * Scanning (or typing) a SKU and pressing Enter counts one unit on its next unfinished stop and
 * highlights it; each stop is then recorded with the count, a short count with its reason.
 */
export function PickingBoard({ list }: { list: PickListDetailFragment }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const id = useId();
  const running = list.status === 'IN_PROGRESS' && can('WAREHOUSE_WORK');
  const scanRef = useRef<HTMLInputElement>(null);
  const [scan, setScan] = useState('');
  const [entered, setEntered] = useState<Record<string, string>>({});
  const [current, setCurrent] = useState<string | null>(null);
  const [message, setMessage] = useState<ScanMessage | null>(null);
  const [asking, setAsking] = useState<{ line: Line; picked: number } | null>(null);
  const [reason, setReason] = useState<ShortPickReason | ''>('');
  const [reasonTouched, setReasonTouched] = useState(false);
  const record = useMutationOutcome();
  const [recording, setRecording] = useState<string | null>(null);

  // The scanner is where input goes while the list runs: on load, once started, and after each record.
  // After the short-pick dialog (which hands the focus back to its opener), the scanner takes it again.
  useEffect(() => {
    if (running && asking === null) scanRef.current?.focus();
  }, [running, asking]);

  const shown = (l: Line) => entered[l.id] ?? (l.picked === null ? '' : String(l.picked));
  const countOf = (l: Line) => (isCount(shown(l)) ? Number(shown(l)) : 0);

  const onScan = () => {
    const code = scan.trim();
    setScan('');
    if (!code) return;
    const matching = list.lines.filter((l) => l.sku.toLowerCase() === code.toLowerCase());
    if (!matching.length) {
      setCurrent(null);
      setMessage({ tone: 'error', text: t('fulfilment.scan.unknown', { sku: code }) });
      return;
    }
    const line =
      matching.find((l) => l.picked === null && countOf(l) < l.required) ??
      matching.find((l) => countOf(l) < l.required) ??
      matching[0]!;
    setCurrent(line.id);
    const n = countOf(line);
    if (n >= line.required) {
      setMessage({ tone: 'info', text: t('fulfilment.scan.full', { sku: line.sku, count: line.required }) });
      return;
    }
    setEntered((e) => ({ ...e, [line.id]: String(n + 1) }));
    setMessage({
      tone: 'success',
      text: t('fulfilment.scan.counted', {
        sku: line.sku,
        count: n + 1,
        required: line.required,
        bin: line.binLocation ?? '—',
      }),
    });
  };

  const send = async (line: Line, picked: number, shortReason: ShortPickReason | null) => {
    setRecording(line.id);
    const ok = await record.run({
      mutation: recordPickMutation,
      variables: {
        input: { pickListId: list.id, lineId: line.id, picked, ...(shortReason ? { shortReason } : {}) },
      },
      success: () => t('fulfilment.pick.recorded', { seq: line.seq, sku: line.sku, picked, required: line.required }),
    });
    setRecording(null);
    if (ok) {
      setEntered((e) => {
        const next = { ...e };
        delete next[line.id];
        return next;
      });
      setAsking(null);
      setMessage(null);
      scanRef.current?.focus();
    }
    return ok;
  };

  const onRecord = (line: Line) => {
    record.clearFailure();
    const value = shown(line);
    if (!isCount(value) || Number(value) > line.required) {
      setCurrent(line.id);
      setMessage({ tone: 'error', text: t('fulfilment.pick.countInvalid', { sku: line.sku, max: line.required }) });
      return;
    }
    const picked = Number(value);
    if (picked < line.required) {
      setReason(line.shortReason ?? '');
      setReasonTouched(false);
      setAsking({ line, picked });
      return;
    }
    void send(line, picked, null);
  };

  const recordedAll = list.lines.every((l) => l.picked !== null);
  const totalRequired = list.lines.reduce((n, l) => n + l.required, 0);
  const totalPicked = list.lines.reduce((n, l) => n + (l.picked ?? 0), 0);

  const columns: Column<Line>[] = [
    { header: 'fulfilment.lines.seq', width: '5%', className: 'muted', cell: (l) => l.seq },
    {
      header: 'fulfilment.lines.bin',
      width: '9%',
      className: 'mono strong',
      cell: (l) => l.binLocation ?? <span className="muted">{t('fulfilment.lines.noBin')}</span>,
    },
    { header: 'fulfilment.lines.sku', width: '12%', cell: (l) => <code>{l.sku}</code> },
    {
      header: 'fulfilment.lines.product',
      width: running ? '24%' : '34%',
      className: 'truncate',
      title: (l) => `${l.product.name} ${l.product.spec}`,
      cell: (l) => (
        <>
          {l.product.name} <span className="muted small">{l.product.spec}</span>
        </>
      ),
    },
    { header: 'fulfilment.lines.required', width: '8%', numeric: true, className: 'strong', cell: (l) => l.required },
    {
      header: 'fulfilment.lines.picked',
      width: running ? '12%' : '10%',
      numeric: true,
      cell: (l) =>
        running ? (
          <input
            type="number"
            min={0}
            max={l.required}
            step={1}
            inputMode="numeric"
            className="qty-input"
            aria-label={t('fulfilment.lines.pickedOf', { sku: l.sku })}
            value={shown(l)}
            onChange={(e) => setEntered((all) => ({ ...all, [l.id]: e.target.value }))}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                onRecord(l);
              }
            }}
          />
        ) : l.picked === null ? (
          <span className="muted">—</span>
        ) : (
          <span className={l.picked < l.required ? 'text-danger strong' : 'text-success strong'}>{l.picked}</span>
        ),
    },
    {
      header: 'fulfilment.lines.state',
      width: running ? '18%' : '22%',
      className: 'small',
      cell: (l) => {
        const pending = entered[l.id] !== undefined && entered[l.id] !== (l.picked === null ? '' : String(l.picked));
        return (
          <>
            {l.picked === null ? (
              <span className="muted">
                {pending
                  ? t('fulfilment.lines.counting', { count: countOf(l), required: l.required })
                  : t('fulfilment.lines.open')}
              </span>
            ) : l.shortReason ? (
              <span className="text-danger">
                {t('fulfilment.lines.short', { count: l.required - l.picked })} ·{' '}
                {t(`shortPickReason.${l.shortReason}`)}
              </span>
            ) : (
              <span className="text-success">{t('fulfilment.lines.full')}</span>
            )}
            {l.pickedBy && (
              <div className="muted truncate">
                {l.pickedBy}
                {l.pickedAt && ` · ${f.time(l.pickedAt)}`}
              </div>
            )}
            {pending && l.picked !== null && (
              <div className="text-warning">{t('fulfilment.lines.changed', { count: countOf(l) })}</div>
            )}
          </>
        );
      },
    },
    ...(running
      ? [
          {
            header: 'common.actions',
            width: '12%',
            cell: (l: Line) => (
              <button
                type="button"
                className={entered[l.id] !== undefined ? 'btn btn-small btn-primary' : 'btn btn-small'}
                aria-label={t('fulfilment.pick.recordLine', { sku: l.sku })}
                disabled={recording !== null || shown(l) === ''}
                onClick={() => onRecord(l)}
              >
                {recording === l.id && <Spinner small />}
                {l.picked === null ? t('fulfilment.pick.record') : t('fulfilment.pick.rerecord')}
              </button>
            ),
          } satisfies Column<Line>,
        ]
      : []),
  ];

  return (
    <section className="card stack floor-card" aria-labelledby={`${id}-title`}>
      <div className="card-title card-title-actions">
        <h2 id={`${id}-title`}>{t('fulfilment.lines.title')}</h2>
        <span className="muted small">
          {t('fulfilment.lines.progress', {
            done: list.lines.filter((l) => l.picked !== null).length,
            count: list.lines.length,
            picked: totalPicked,
            required: totalRequired,
          })}
        </span>
      </div>
      {running && (
        <form
          className="scan-bar"
          onSubmit={(e) => {
            e.preventDefault();
            onScan();
          }}
        >
          <div className="field field-scan">
            <label htmlFor={`${id}-scan`} className="field-label">
              {t('fulfilment.scan.label')}
            </label>
            <input
              id={`${id}-scan`}
              ref={scanRef}
              value={scan}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              enterKeyHint="enter"
              placeholder={t('fulfilment.scan.placeholder')}
              aria-describedby={`${id}-scan-msg`}
              onChange={(e) => setScan(e.target.value)}
            />
          </div>
          <div id={`${id}-scan-msg`} className="scan-message" role="status" aria-live="assertive">
            {message ? (
              <span className={`scan-${message.tone}`}>{message.text}</span>
            ) : (
              <span className="muted small">
                {recordedAll ? t('fulfilment.scan.allRecorded') : t('fulfilment.scan.hint')}
              </span>
            )}
          </div>
        </form>
      )}
      {asking === null && <GeneralFailures failures={record.failure ?? []} />}
      <VirtualTable
        rows={list.lines}
        columns={columns}
        rowKey={(l) => l.id}
        tableClassName="fixed pick-lines"
        rowClassName={(l) =>
          [
            running && l.id === current ? 'row-scanned' : '',
            l.picked !== null && l.picked < l.required ? 'row-warning' : '',
            l.picked !== null && l.picked === l.required && !(running && l.id === current) ? 'row-done' : '',
          ]
            .filter(Boolean)
            .join(' ') || undefined
        }
        hasNextPage={false}
        loadingMore={false}
        onLoadMore={() => undefined}
        endText={t('fulfilment.lines.endOfList', { count: list.lines.length, units: totalRequired })}
      />

      <Dialog
        open={asking !== null}
        title={t('fulfilment.short.title', { sku: asking?.line.sku ?? '' })}
        onClose={() => {
          setAsking(null);
          record.clearFailure();
          scanRef.current?.focus();
        }}
        onSubmit={() => {
          setReasonTouched(true);
          if (asking && reason) void send(asking.line, asking.picked, reason);
        }}
        submitLabel={t('fulfilment.short.submit')}
        busy={record.busy}
      >
        {asking && (
          <div className="stack">
            <p>
              {t('fulfilment.short.message', {
                picked: asking.picked,
                required: asking.line.required,
                sku: asking.line.sku,
                bin: asking.line.binLocation ?? '—',
              })}
            </p>
            <fieldset className="segmented-field">
              <legend className="field-label">
                {t('fulfilment.short.reason')} <span aria-hidden="true">*</span>
              </legend>
              {SHORT_REASONS.map((r) => (
                <label key={r} className="check">
                  <input
                    type="radio"
                    name={`${id}-reason`}
                    value={r}
                    checked={reason === r}
                    onChange={() => setReason(r)}
                  />
                  {t(`shortPickReason.${r}`)}
                  <span className="muted small"> — {t(`shortPickReason.hint.${r}`)}</span>
                </label>
              ))}
            </fieldset>
            {reasonTouched && !reason && <span className="field-error">{t('userErrors.SHORT_REASON_REQUIRED')}</span>}
            <GeneralFailures failures={record.failure ?? []} />
          </div>
        )}
      </Dialog>
    </section>
  );
}
