"use client";
// A web service's swagger 2.0 document, pretty-printed in a scrollable block: what a client
// generator (AutoRest, swagger-codegen) needs to call the service outside Kernelbook.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-provider";
import { errorMessage } from "@/components/notebook/client-errors";
import styles from "./mlserver.module.css";

export function ServiceSwagger({ name, version }: { name: string; version: string }) {
  const trpc = useTRPC();
  const swagger = useQuery(trpc.mlserver.swagger.queryOptions({ name, version }, { retry: false, staleTime: 60_000 }));
  if (swagger.isPending) return <p className={`muted ${styles.hint}`}>Loading the swagger document…</p>;
  if (swagger.isError) return <p className={styles.error} role="alert" data-testid="service-swagger-error">{errorMessage(swagger.error)}</p>;
  return (
    <pre className={`${styles.code} ${styles.json}`} data-testid="service-swagger-json" tabIndex={0} aria-label={`Swagger of ${name} ${version}`}>
      {JSON.stringify(swagger.data, null, 2)}
    </pre>
  );
}
