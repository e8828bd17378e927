// One kernel for a provider test file's cases: started before them, shut down after them, with
// `run` collecting the events of one execution.
import { afterAll, beforeAll } from "vitest";
import type { ExecEvent } from "@/server/contracts/outputs";
import type { KernelProvider } from "@/server/kernels/types";

export type SharedKernel = { readonly id: string; run(code: string, signal?: AbortSignal): Promise<ExecEvent[]> };

export function sharedKernel(provider: KernelProvider): SharedKernel {
  let id = "";
  beforeAll(async () => {
    id = (await provider.start()).remoteId;
  });
  afterAll(async () => {
    await provider.shutdown(id).catch(() => undefined);
  });
  return {
    get id() {
      return id;
    },
    run: async (code, signal) => {
      const events: ExecEvent[] = [];
      for await (const event of provider.execute(id, { code, signal })) events.push(event);
      return events;
    },
  };
}
