import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadSvgAsPng, downloadTableCsv } from './chartExport';
import { ScrollTable } from '../../components/ScrollTable';

/** Every chart's frame: recharts' own keyboard layer off (the table is the accessible form), even margins. */
export const chartProps = { accessibilityLayer: false, margin: { top: 8, right: 16, bottom: 8, left: 0 } } as const;

export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

/**
 * One dashboard chart with what a board memo and a screen-reader user need: the same figures as a table
 * (one click away, and always in the accessibility tree as the chart's description), PNG and CSV export.
 */
export function ChartCard({
  title,
  fileName,
  table,
  controls,
  below,
  children,
}: {
  title: string;
  fileName: string;
  table: ChartTable;
  /** Choices that change what the chart shows (outside the chart image, so they stay operable). */
  controls?: ReactNode;
  /** What the chart's reader needs besides it (a definition, a summary table), outside the chart image. */
  below?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  const chart = useRef<HTMLDivElement>(null);
  const savePng = () => {
    const svg = chart.current?.querySelector('svg.recharts-surface');
    if (svg instanceof SVGSVGElement) void downloadSvgAsPng(svg, `${fileName}.png`);
  };
  return (
    <section className="chart-card" aria-labelledby={`${id}-title`}>
      <div className="chart-card-head">
        <h3 id={`${id}-title`}>{title}</h3>
        {controls}
        <div className="chart-actions no-print">
          <button type="button" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
            {t('reports.dashboard.asTable')}
          </button>
          <button type="button" onClick={savePng} disabled={asTable} aria-label={t('reports.dashboard.png', { title })}>
            PNG
          </button>
          <button
            type="button"
            onClick={() => downloadTableCsv(`${fileName}.csv`, table.columns, table.rows)}
            aria-label={t('reports.dashboard.csv', { title })}
          >
            CSV
          </button>
        </div>
      </div>
      {asTable ? (
        <div className="chart-table">
          <FigureTable caption={title} captionHidden columns={table.columns} rows={table.rows} />
        </div>
      ) : (
        <div className="chart" ref={chart} role="img" aria-label={t('reports.dashboard.chartLabel', { title })}>
          {children}
        </div>
      )}
      {below}
    </section>
  );
}

/** A table of figures: the first column names the row, the others are numbers. */
export function FigureTable({
  caption,
  captionHidden = false,
  columns,
  rows,
  className = '',
}: ChartTable & { caption: string; captionHidden?: boolean; className?: string }) {
  return (
    <ScrollTable className={className || undefined}>
      <caption className={captionHidden ? 'sr-only' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={String(row[0])}>
            {row.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i} className="number">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
