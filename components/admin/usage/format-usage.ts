// Numbers as the usage tab shows them: kernel-hours to one decimal (two under one hour), counts grouped.
export function formatHours(hours: number): string {
  if (hours === 0) return "0";
  if (hours < 1) return hours.toFixed(2);
  return hours.toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

export function formatCount(count: number): string {
  return Math.round(count).toLocaleString("en-US");
}
