// The admin dashboard's tabs, in order; shared by the page (reading ?tab=) and the dashboard.
export const ADMIN_TABS = ["users", "kernels", "usage", "health", "audit"] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

export const TAB_LABELS: Record<AdminTab, string> = { users: "Users", kernels: "Kernels", usage: "Usage", health: "Health", audit: "Audit" };

export function toAdminTab(value: unknown): AdminTab {
  return ADMIN_TABS.find((t) => t === value) ?? "users";
}
