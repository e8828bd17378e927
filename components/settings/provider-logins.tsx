"use client";
// The user's own logins to the remote kernel providers this server offers (Backend.AI keypair,
// ML Server account): which one their kernels use, a form to store one (checked on the provider
// first), and removal. Secrets are write-only: the page only ever shows the public identity.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-provider";
import { errorMessage } from "@/components/notebook/client-errors";
import { LoginForm } from "./login-form";
import styles from "./settings.module.css";

const NAMES = { backendai: "Backend.AI", mlserver: "Machine Learning Server" } as const;

export function ProviderLogins() {
  const trpc = useTRPC();
  const list = useQuery(trpc.credential.list.queryOptions());
  if (list.isPending) return <p className="muted">Loading…</p>;
  if (list.isError) return <p className="error-text" role="alert">Settings could not be loaded: {errorMessage(list.error)}</p>;
  const { providers, canStore, credentials } = list.data;
  if (providers.length === 0) {
    return (
      <div className="empty-state" data-testid="logins-empty">
        <p><strong>No remote kernels on this server yet.</strong></p>
        <p className="muted">An admin offers Backend.AI with BACKEND_ENDPOINT, or Machine Learning Server with MLSERVER_URL. Your notebooks run on the embedded R meanwhile.</p>
      </div>
    );
  }
  return (
    <>
      {!canStore && <p className="error-text" role="alert">This server cannot store logins: an admin must set CREDENTIALS_KEY.</p>}
      {providers.map(({ provider, serviceLogin }) => (
        <ProviderLogin key={provider} provider={provider} serviceLogin={serviceLogin} canStore={canStore}
          stored={credentials.find((c) => c.provider === provider) ?? null} />
      ))}
    </>
  );
}

type LoginProps = {
  provider: "backendai" | "mlserver";
  serviceLogin: boolean;
  canStore: boolean;
  stored: { identity: string; updatedAt: Date } | null;
};

function ProviderLogin({ provider, serviceLogin, canStore, stored }: LoginProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: trpc.credential.list.queryKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.kernel.specs.queryKey() }),
  ]);
  const remove = useMutation(trpc.credential.delete.mutationOptions({ onSettled: refresh }));
  const what = provider === "backendai" ? "keypair" : "login";
  return (
    <section className={`card ${styles.section}`} data-testid={`login-${provider}`}>
      <h2>{NAMES[provider]}</h2>
      {stored ? (
        <div className={styles.stored}>
          <span data-testid={`login-${provider}-identity`}>Your kernels use your {what} <span className={styles.identity}>{stored.identity}</span>, saved {stored.updatedAt.toLocaleString()}.</span>
          <button type="button" className="btn btn-danger" disabled={remove.isPending} onClick={() => remove.mutate({ provider })}>Remove</button>
        </div>
      ) : (
        <p className="muted" data-testid={`login-${provider}-using`}>
          {serviceLogin
            ? `Your kernels use the server's shared ${what}. Store your own so your ${provider === "backendai" ? "keypair's resource policy" : "account's permissions"} apply.`
            : `This server has no shared ${what}: store yours to run kernels on ${NAMES[provider]}.`}
        </p>
      )}
      {remove.isError && <p className="error-text" role="alert">{errorMessage(remove.error)}</p>}
      {canStore && <LoginForm provider={provider} replacing={stored !== null} onSaved={refresh} />}
    </section>
  );
}
