"use client";
// A stacked bar chart of one value per day and key (provider or outcome), drawn with recharts.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DaySeries } from "@/server/admin/stats/day-range";
import { shortDay } from "./date-presets";
import { seriesColor, seriesLabel } from "./series-colors";
import styles from "./usage.module.css";

type Props = { title: string; series: DaySeries; unit: string; format?: (value: number) => string };

export function DayChart({ title, series, unit, format = String }: Props) {
  const data = series.rows.map((row) => ({ day: row.day, ...row.values }));
  const empty = series.rows.every((row) => Object.values(row.values).every((v) => v === 0));
  return (
    <figure className={styles.chartCard}>
      <figcaption className={styles.chartTitle}>{title}</figcaption>
      {empty ? (
        <p className={`muted ${styles.chartEmpty}`}>Nothing in this range.</p>
      ) : (
        <div className={styles.chart} role="img" aria-label={`${title}, per day`}>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid vertical={false} />
              <XAxis dataKey="day" tickFormatter={shortDay} minTickGap={16} />
              <YAxis width={48} allowDecimals={unit !== "executions"} tickFormatter={(v: number) => format(v)} />
              <Tooltip
                labelFormatter={(day) => shortDay(String(day))}
                formatter={(value, name) => [`${format(Number(value))} ${unit}`, seriesLabel(String(name))]}
                contentStyle={{ background: "var(--bg)", border: "1px solid var(--border)", borderRadius: "var(--radius)", color: "var(--fg)" }}
                cursor={{ fillOpacity: 0.08 }}
              />
              <Legend formatter={(key) => seriesLabel(String(key))} />
              {series.keys.map((key, i) => (
                <Bar key={key} dataKey={key} stackId="day" fill={seriesColor(key, i)} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
