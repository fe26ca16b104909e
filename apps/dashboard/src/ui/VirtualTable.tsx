import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from './States';
import { useVirtualRows } from './useVirtualRows';

export interface Column<T> {
  /** i18n key of the header text. */
  header: ParseKeys;
  /** i18n key of a hint shown on hover over the header. */
  headerHint?: ParseKeys;
  /** Share of the table's width, e.g. '14%'. */
  width: string;
  /** Right-aligned, in the header and in every cell. */
  numeric?: boolean;
  className?: string | ((row: T) => string | undefined);
  title?: (row: T) => string | undefined;
  cell: (row: T) => ReactNode;
}

interface Props<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /**
   * Fixed row height in pixels: only the rows in view are rendered and the next page is asked for as
   * the view nears the end. Without it every row is rendered (for short lists whose rows vary in height).
   */
  rowHeight?: number;
  /** Classes of the table besides `data-table`. */
  tableClassName?: string;
  /** Classes of the scrolling box besides `table-scroll`. */
  scrollClassName?: string;
  /** Dims the rows while another view of them loads. */
  stale?: boolean;
  rowClassName?: (row: T) => string | undefined;
  /** Opens a row on a click anywhere in it except on a link (the link in the row is the keyboard path). */
  onRowClick?: (row: T) => void;
  hasNextPage: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** What the foot says once every row is loaded. */
  endText: string;
}

/** A data table with a sticky header and a foot that loads the next page, optionally windowed. */
export function VirtualTable<T>({
  rows,
  columns,
  rowKey,
  rowHeight,
  tableClassName,
  scrollClassName,
  stale,
  rowClassName,
  onRowClick,
  hasNextPage,
  loadingMore,
  onLoadMore,
  endText,
}: Props<T>) {
  const { t } = useTranslation();
  const windowed = rowHeight !== undefined;
  const v = useVirtualRows({
    count: rows.length,
    rowHeight: rowHeight ?? 1,
    onNearEnd: windowed && hasNextPage ? onLoadMore : undefined,
  });
  const start = windowed ? v.start : 0;
  const end = windowed ? v.end : rows.length;
  const padTop = windowed ? v.padTop : 0;
  const padBottom = windowed ? v.padBottom : 0;
  const classes = (base: string, extra?: string) => (extra ? `${base} ${extra}` : base);

  return (
    <div
      className={classes(classes('table-scroll', scrollClassName), stale ? 'is-stale' : undefined)}
      ref={v.scrollRef}
      onScroll={windowed ? v.onScroll : undefined}
      // Clickable rows each carry a link, so the keyboard reaches every row and the box needs no tab stop.
      tabIndex={onRowClick ? -1 : undefined}
    >
      {/* Windowed: the rows not rendered still count, so assistive technology knows where a row sits. */}
      <table className={classes('data-table', tableClassName)} aria-rowcount={windowed ? rows.length + 1 : undefined}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.header} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.header}
                scope="col"
                className={c.numeric ? 'num' : undefined}
                title={c.headerHint ? t(c.headerHint) : undefined}
              >
                {t(c.header)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columns.length} style={{ height: padTop }} />
            </tr>
          )}
          {rows.slice(start, end).map((row, i) => (
            <tr
              key={rowKey(row)}
              aria-rowindex={windowed ? start + i + 2 : undefined}
              className={rowClassName?.(row) || undefined}
              onClick={
                onRowClick &&
                ((e) => {
                  if ((e.target as HTMLElement).closest('a')) return;
                  onRowClick(row);
                })
              }
            >
              {columns.map((c) => {
                const extra = typeof c.className === 'function' ? c.className(row) : c.className;
                return (
                  <td key={c.header} className={c.numeric ? classes('num', extra) : extra} title={c.title?.(row)}>
                    {c.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
          {padBottom > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columns.length} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
      <div className="table-foot" role="status" aria-live="polite">
        {loadingMore ? (
          <>
            <Spinner small /> {t('common.loadingMore')}
          </>
        ) : hasNextPage ? (
          <button type="button" className="btn btn-small" onClick={onLoadMore}>
            {t('common.loadMore')}
          </button>
        ) : (
          endText
        )}
      </div>
    </div>
  );
}
