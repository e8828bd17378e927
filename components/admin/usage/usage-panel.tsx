"use client";
// The admin dashboard's Usage tab: executions and kernel-hours per day over a chosen date range
// (by provider and by outcome), and the busiest users.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { BusiestUsers } from "./busiest-users";
import { DayChart } from "./day-chart";
import { formatCount, formatHours } from "./format-usage";
import { RangePicker, rangeOf, type RangeChoice } from "./range-picker";
import styles from "./usage.module.css";

export function UsagePanel() {
  const trpc = useTRPC();
  const [choice, setChoice] = useState<RangeChoice>({ preset: 30 });
  const range = rangeOf(choice);
  const usage = useQuery({ ...trpc.adminStats.usage.queryOptions(range), placeholderData: keepPreviousData });
  const report = usage.data;

  return (
    <div className={styles.panel} data-testid="admin-usage">
      <RangePicker choice={choice} onChange={setChoice} />
      <p className={`muted ${styles.note}`}>
        {range.from} to {range.to}, days in UTC. Kernel-hours count each session&apos;s time within each day; open sessions count up to now.
        {usage.isFetching && report ? " Updating…" : ""}
      </p>
      {usage.isError && <p className="error-text" role="alert">Could not load usage: {usage.error.message}</p>}
      {!report && usage.isPending && <p className="muted">Loading usage…</p>}
      {report && (
        <>
          <div className={styles.totals}>
            <Total value={formatCount(report.totals.executions)} label="executions" />
            <Total value={formatHours(report.totals.kernelHours)} label="kernel-hours" />
          </div>
          <div className={styles.charts}>
            <DayChart title="Executions per day by provider" series={report.executionsByProvider} unit="executions" format={formatCount} />
            <DayChart title="Finished executions per day by outcome" series={report.executionsByOutcome} unit="executions" format={formatCount} />
            <DayChart title="Kernel-hours per day by provider" series={report.kernelHoursByProvider} unit="kernel-hours" format={formatHours} />
            <BusiestUsers users={report.busiestUsers} />
          </div>
        </>
      )}
    </div>
  );
}

function Total({ value, label }: { value: string; label: string }) {
  return (
    <div className={styles.total}>
      <div className={styles.totalValue}>{value}</div>
      <div className={styles.totalLabel}>{label}</div>
    </div>
  );
}
