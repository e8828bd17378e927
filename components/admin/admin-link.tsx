"use client";
// The header's "Admin" link, shown to administrators only (the role is read fresh from the server).
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-provider";

export function AdminLink() {
  const trpc = useTRPC();
  const me = useQuery({ ...trpc.user.me.queryOptions(), staleTime: 60_000, retry: false });
  if (me.data?.role !== "ADMIN") return null;
  return <Link href="/admin" className="btn btn-ghost" data-testid="admin-link">Admin</Link>;
}
