import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { addMonthsClamped, helsinkiDate } from '../../../../shared/dates';
import type { ErrorPayload } from '../../../../shared/errors';
import type { Fairness } from '../../../../shared/contract/roster';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ChartCard, chartProps } from '../reports/ChartCard';
import { PeriodForm } from '../reports/PeriodForm';
import { api } from '../../api';

/**
 * Duties per person and type over any range against their target (the share in proportion to FTE and
 * the days they were available), as a chart per duty type and as a table.
 */
export function FairnessPanel() {
  const { t, i18n } = useTranslation();
  const today = helsinkiDate(new Date());
  const [range, setRange] = useState({ from: addMonthsClamped(today, -3), to: today });
  const [report, setReport] = useState<Fairness | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  useEffect(() => {
    void api.roster.fairness(range).then((r) => {
      setReport(r.ok ? r.value : null);
      setError(r.ok ? null : r.error);
    });
  }, [range]);
  const duties = [...new Set(report?.rows.map((r) => r.duty) ?? [])];
  const number = (n: number) => n.toLocaleString(i18n.language, { maximumFractionDigits: 1 });
  return (
    <section className="panel" aria-labelledby="fairness-heading">
      <h2 id="fairness-heading">{t('roster.fairnessTitle')}</h2>
      <p className="muted">{t('roster.fairnessHelp')}</p>
      <PeriodForm
        key={`${range.from}-${range.to}`}
        fields={[
          { key: 'from', label: t('roster.from') },
          { key: 'to', label: t('roster.to') },
        ]}
        value={range}
        submitLabel={t('roster.show')}
        onSubmit={setRange}
      />
      <ErrorBanner error={error} />
      <div className="chart-grid">
        {duties.map((duty) => {
          const rows = report!.rows.filter((r) => r.duty === duty);
          const columns = [
            t('roster.person'),
            t('roster.fte'),
            t('roster.count'),
            t('roster.target'),
            t('roster.difference'),
          ];
          return (
            <ChartCard
              key={duty}
              title={t(`duties.${duty}`)}
              fileName={`luukku-fairness-${duty}-${range.from}-${range.to}`}
              table={{
                columns,
                rows: rows.map((r) => [r.name, r.fte, r.count, r.target, Math.round((r.count - r.target) * 10) / 10]),
              }}
            >
              <ResponsiveContainer width="100%" height={80 + rows.length * 30}>
                <BarChart data={rows} layout="vertical" {...chartProps}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="name" width={170} interval={0} />
                  <Tooltip formatter={(v) => number(Number(v))} />
                  <Legend />
                  <Bar dataKey="count" name={t('roster.count')} fill="#0b5d6b" isAnimationActive={false} />
                  <Bar dataKey="target" name={t('roster.target')} fill="#c45400" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
          );
        })}
      </div>
    </section>
  );
}
