'use client';

import { Bar, CartesianGrid, Cell, ComposedChart, Legend, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartDisplay, NumberFormat, SeriesSpec, WidgetRow } from '@admin-hub/engine/dashboard/types';
import { useFormatter, useTranslations } from 'next-intl';
import { toNumber, useDashboardFormat } from './format';

/**
 * Series colours are the theme's own tokens (globals.css), so a chart follows light, dark and
 * the OS preference with the rest of the page; text uses currentColor from the card.
 */
export const SERIES_COLORS = ['var(--ring)', 'var(--success)', 'var(--warning)', 'var(--destructive)', 'var(--primary)'] as const;

interface Series {
  key: string;
  label: string;
  kind: 'line' | 'bar';
  axis: 'left' | 'right';
  format: NumberFormat;
  color: string;
}

export function seriesOf(display: ChartDisplay): Series[] {
  return display.yColumns.map((spec: string | SeriesSpec, i) => {
    const s = typeof spec === 'string' ? { column: spec } : spec;
    return {
      key: s.column,
      label: s.label ?? s.column,
      kind: s.kind ?? display.kind,
      axis: s.axis ?? 'left',
      format: s.format ?? 'decimal',
      color: SERIES_COLORS[i % SERIES_COLORS.length]!,
    };
  });
}

const tick = { fill: 'currentColor', fontSize: 12 };
const PARTIAL = '__partial';

type Point = Record<string, number | null | unknown> & { __x: unknown };

/**
 * The rows as chart points (int8 and numeric arrive as text: the chart needs numbers). With
 * `partialLast`, a line's last point moves to its dashed twin (which also holds the point
 * before, so the dash joins the solid line); bars stay and are drawn paler.
 */
export function chartData(display: ChartDisplay, series: Series[], rows: WidgetRow[]): Point[] {
  const data: Point[] = rows.map((row) => ({ ...Object.fromEntries(series.map((s) => [s.key, toNumber(row[s.key])])), __x: row[display.xColumn] ?? '' }));
  if (!display.partialLast || data.length < 2) return data;
  const [before, last] = [data[data.length - 2]!, data[data.length - 1]!];
  for (const s of series.filter((x) => x.kind === 'line')) {
    before[`${s.key}${PARTIAL}`] = before[s.key];
    last[`${s.key}${PARTIAL}`] = last[s.key];
    last[s.key] = null;
  }
  return data;
}

/** A line or bar chart (or both, on two axes) of a widget's rows; one x column, n y columns. */
export function WidgetChart({ display, rows, title }: { display: ChartDisplay; rows: WidgetRow[]; title: string }) {
  const t = useTranslations('dashboard');
  const format = useFormatter();
  const f = useDashboardFormat();
  const series = seriesOf(display);
  // int8 and numeric arrive as text: the chart needs numbers.
  const data = chartData(display, series, rows);
  const partial = display.partialLast && data.length > 1 ? String(data[data.length - 1]!.__x) : undefined;
  const rightAxis = series.find((s) => s.axis === 'right');
  const leftFormat = series.find((s) => s.axis === 'left')?.format ?? 'decimal';
  const byKey = new Map(series.map((s) => [s.key, s]));
  return (
    <figure
      className="text-muted-foreground"
      data-testid="widget-chart"
      aria-label={t('chartLabel', { title, series: format.list(series.map((s) => s.label)) })}
    >
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart data={data} margin={{ top: 8, right: rightAxis ? 4 : 12, bottom: 0, left: 4 }} accessibilityLayer>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="__x" tick={tick} tickLine={false} axisLine={{ stroke: 'var(--border)' }} tickFormatter={(v: unknown) => f.x(v)} minTickGap={24} />
          <YAxis
            yAxisId="left"
            tick={tick}
            tickLine={false}
            axisLine={false}
            width={56}
            tickFormatter={(v: number) => f.compact(v, leftFormat)}
            allowDecimals={false}
          />
          {rightAxis ? (
            <YAxis
              yAxisId="right"
              orientation="right"
              tick={tick}
              tickLine={false}
              axisLine={false}
              width={64}
              tickFormatter={(v: number) => f.compact(v, rightAxis.format)}
            />
          ) : null}
          <Tooltip
            cursor={{ fill: 'var(--muted)', stroke: 'var(--border)' }}
            contentStyle={{
              background: 'var(--popover)',
              border: '1px solid var(--border)',
              borderRadius: 8,
              color: 'var(--popover-foreground)',
              fontSize: 12,
            }}
            labelStyle={{ color: 'var(--popover-foreground)', fontWeight: 600 }}
            labelFormatter={(label) => (String(label) === partial ? t('soFarLabel', { label: f.x(label, true) }) : f.x(label, true))}
            formatter={(value, name, item) => {
              const s = byKey.get(String(item.dataKey ?? ''));
              const n = typeof value === 'number' ? value : Number(value);
              return [Number.isFinite(n) && s ? f.number(n, s.format) : String(value), s?.label ?? name];
            }}
          />
          {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12, color: 'var(--foreground)' }} iconSize={10} /> : null}
          {partial !== undefined ? (
            <ReferenceArea
              yAxisId="left"
              x1={partial}
              x2={partial}
              fill="var(--muted)"
              fillOpacity={0.6}
              label={{ value: t('soFar'), position: 'insideTop', fontSize: 11 }}
            />
          ) : null}
          {series.map((s) =>
            s.kind === 'bar' ? (
              <Bar key={s.key} dataKey={s.key} name={s.label} yAxisId={s.axis} fill={s.color} radius={[3, 3, 0, 0]} maxBarSize={28} isAnimationActive={false}>
                {data.map((point, i) => (
                  <Cell key={i} fillOpacity={String(point.__x) === partial ? 0.4 : 1} />
                ))}
              </Bar>
            ) : (
              [
                <Line
                  key={s.key}
                  dataKey={s.key}
                  name={s.label}
                  yAxisId={s.axis}
                  type="monotone"
                  stroke={s.color}
                  strokeWidth={2}
                  dot={false}
                  activeDot={{ r: 4 }}
                  isAnimationActive={false}
                />,
                // The running period: a dashed segment from the last whole one, left out of legend and tooltip.
                partial !== undefined ? (
                  <Line
                    key={`${s.key}${PARTIAL}`}
                    dataKey={`${s.key}${PARTIAL}`}
                    yAxisId={s.axis}
                    type="monotone"
                    stroke={s.color}
                    strokeWidth={2}
                    strokeDasharray="4 4"
                    dot={false}
                    activeDot={false}
                    legendType="none"
                    tooltipType="none"
                    isAnimationActive={false}
                  />
                ) : null,
              ]
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
