import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../../../../shared/contract/cases';
import { formatDate } from '../../../format';
import { useQueue } from '../queueStore';
import { useApp } from '../../../state/appStore';
import { ClockBadge, UrgentBadge } from './ClockBadge';

const column = createColumnHelper<QueueRow>();
const ROW_HEIGHT = 58;
/** Each column's track in the rows' CSS grid. */
const TRACKS: Record<string, string> = {
  mark: '2rem',
  due: 'minmax(9.5rem, 1.2fr)',
  child: 'minmax(8.5rem, 1.6fr)',
  type: 'minmax(6.5rem, 0.8fr)',
  municipality: 'minmax(5.5rem, 0.7fr)',
  assignee: 'minmax(5.5rem, 1fr)',
};
/**
 * Below these widths of the grid (px) a column gives way, so that every row still fits on one line without
 * sideways scrolling (issue 21 items 3, 6): the municipality first, then the assignee; both stay in the pane.
 */
const NARROW: Record<string, number> = { municipality: 700, assignee: 560 };

/** The element's width, followed as the window or the layout changes. */
function useWidth(element: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry!.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, [element]);
  return width;
}
type SortField = 'childName' | 'municipality' | 'due';

/**
 * The virtualized queue (TanStack Table + Virtual): an ARIA grid that is itself the scroll container and the
 * one focus stop (its header sticks); arrow keys, Home/End and PageUp/PageDown move the selection, which
 * opens the case in the detail pane.
 */
export function QueueTable({ markable = false }: { markable?: boolean }) {
  const { t, i18n } = useTranslation();
  const { result, query, selectedId, select, setQuery, marked, toggleMark } = useQueue();
  const rows = useMemo(() => result?.rows ?? [], [result]);
  const scroller = useRef<HTMLDivElement>(null);
  // Cases that came in since the user's previous sign-in carry a "new" mark (none at the first sign-in).
  const since = useApp((s) => s.status?.user?.previousSignInAt ?? null);
  const width = useWidth(scroller);
  // The columns that give way at this width (none before the first measure): the columns are built again
  // when that changes, not at every pixel of a resize.
  const dropped = Object.keys(NARROW)
    .filter((id) => width > 0 && width < NARROW[id]!)
    .join(' ');

  const columns = useMemo(
    () =>
      [
        ...(markable
          ? [
              column.display({
                id: 'mark',
                header: () => <span className="sr-only">{t('queue.mark')}</span>,
                cell: ({ row }) => (
                  <input
                    type="checkbox"
                    tabIndex={-1}
                    aria-label={t('queue.markCase', { name: row.original.childName ?? t('queue.unborn') })}
                    checked={marked.has(row.original.id)}
                    onClick={(e) => e.stopPropagation()}
                    onChange={() => toggleMark(row.original.id)}
                  />
                ),
              }),
            ]
          : []),
        column.display({
          id: 'due',
          header: () => t('queue.col.due'),
          cell: ({ row }) => (
            <span className="due-cell">
              <ClockBadge clock={row.original.clock} />
              {row.original.clock.due && (
                <span className="muted">
                  {formatDate(row.original.clock.due, i18n.language)} · {t(`clock.${row.original.clock.deadline}`)}
                </span>
              )}
            </span>
          ),
          meta: { sort: 'due' },
        }),
        column.display({
          id: 'child',
          header: () => t('queue.col.child'),
          cell: ({ row }) => (
            <span className="child-cell">
              <strong>{row.original.childName ?? t('queue.unborn')}</strong>
              {since && row.original.createdAt > since && (
                <span className="badge badge-new" title={t('queue.newSinceTitle')}>
                  {t('queue.newSince')}
                </span>
              )}
              <UrgentBadge urgent={row.original.urgent} />
              <span className="muted">{formatDate(row.original.childBirthDate, i18n.language)}</span>
            </span>
          ),
          meta: { sort: 'childName' },
        }),
        column.display({
          id: 'type',
          header: () => t('queue.col.type'),
          cell: ({ row }) => (
            <span title={t(`caseTypes.${row.original.type}`)}>{t(`caseTypesShort.${row.original.type}`)}</span>
          ),
        }),
        column.display({
          id: 'municipality',
          header: () => t('queue.col.municipality'),
          cell: ({ row }) => row.original.municipality,
          meta: { sort: 'municipality' },
        }),
        column.display({
          id: 'assignee',
          header: () => t('queue.col.assignee'),
          cell: ({ row }) => row.original.assignee ?? '–',
        }),
      ].filter((c) => !dropped.split(' ').includes(c.id!)),
    [t, i18n.language, markable, marked, toggleMark, dropped, since],
  );
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), manualSorting: true });
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const selectedIndex = rows.findIndex((r) => r.id === selectedId);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const move = (e: KeyboardEvent) => {
    if (!rows.length) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    let next: number | null = null;
    if (e.key in steps)
      next = Math.min(rows.length - 1, Math.max(0, (selectedIndex < 0 ? -1 : selectedIndex) + steps[e.key]!));
    if (e.key === 'Home') next = 0;
    if (e.key === 'End') next = rows.length - 1;
    if (e.key === ' ' && markable && selectedIndex >= 0) {
      e.preventDefault();
      toggleMark(rows[selectedIndex]!.id);
      return;
    }
    if (next === null) return;
    e.preventDefault();
    void select(rows[next]!.id);
  };

  const sortBy = (field: SortField) =>
    setQuery(query.sort === field ? { descending: !query.descending } : { sort: field, descending: false });

  const gridTemplate = columns.map((c) => TRACKS[c.id!]).join(' ');
  return (
    <div
      ref={scroller}
      className="queue-grid"
      role="grid"
      aria-label={t('queue.tableLabel')}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      aria-activedescendant={selectedIndex >= 0 ? `case-row-${rows[selectedIndex]!.id}` : undefined}
      tabIndex={0}
      onKeyDown={move}
    >
      {table.getHeaderGroups().map((group) => (
        <div
          role="row"
          aria-rowindex={1}
          className="queue-row queue-header"
          style={{ gridTemplateColumns: gridTemplate }}
          key={group.id}
        >
          {group.headers.map((header) => {
            const sort = (header.column.columnDef.meta as { sort?: SortField } | undefined)?.sort;
            const active = sort && query.sort === sort;
            return (
              <div
                role="columnheader"
                key={header.id}
                aria-sort={active ? (query.descending ? 'descending' : 'ascending') : undefined}
              >
                {sort ? (
                  <button type="button" className="sort-button" tabIndex={-1} onClick={() => sortBy(sort)}>
                    {flexRender(header.column.columnDef.header, header.getContext())}
                    <span aria-hidden="true">{active ? (query.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                ) : (
                  flexRender(header.column.columnDef.header, header.getContext())
                )}
              </div>
            );
          })}
        </div>
      ))}
      <div role="rowgroup" className="queue-body" style={{ height: virtualizer.getTotalSize() }}>
        <div>
          {virtualizer.getVirtualItems().map((item) => {
            const row = table.getRowModel().rows[item.index]!;
            const selected = row.original.id === selectedId;
            return (
              <div
                key={row.id}
                id={`case-row-${row.original.id}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className={`queue-row${selected ? ' selected' : ''}`}
                style={{
                  gridTemplateColumns: gridTemplate,
                  transform: `translateY(${item.start}px)`,
                  height: ROW_HEIGHT,
                }}
                onClick={() => void select(row.original.id)}
              >
                {row.getVisibleCells().map((cell) => (
                  <div role="gridcell" key={cell.id}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
