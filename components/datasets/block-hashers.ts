// Where an upload block's MD5 is computed: in a small pool of module workers (md5.worker.ts), so the
// page's main thread never reads or hashes file bytes while it sends them, or in the calling thread
// where there are no workers (Vitest in Node) or a worker cannot start (that block falls back).
import { md5Base64, readSlice } from "./md5";
import { UploadError } from "./upload-error";

export type BlockHasher = {
  /** Base64 MD5 of [start, end) of `file`. */
  hash(file: Blob, start: number, end: number): Promise<string>;
  /** Ends the workers; hashes still pending are refused. */
  close(): void;
};

export type HashRequest = { id: number; file: Blob; start: number; end: number };
export type HashReply = { id: number; md5: string } | { id: number; error: string; unreadable: boolean };

export const inThreadHasher: BlockHasher = {
  hash: async (file, start, end) => md5Base64(await readSlice(file, start, end)),
  close: () => undefined,
};

type Job = { request: HashRequest; resolve: (md5: string) => void; reject: (e: unknown) => void };

/** Up to `workers` workers, started on first use; one block per worker at a time, the rest queue. */
export function createWorkerHasher(options: { workers: number; spawn: () => Worker }): BlockHasher {
  const idle: Worker[] = [];
  const started: Worker[] = [];
  const queue: Job[] = [];
  const running = new Map<Worker, Job>();
  let nextId = 0;
  let closed = false;
  let broken = false; // a worker failed to load: the rest of this upload hashes in the calling thread

  const finish = (worker: Worker, settle: (job: Job) => void) => {
    const job = running.get(worker);
    running.delete(worker);
    if (job) settle(job);
    idle.push(worker);
    dispatch();
  };
  const spawn = (): Worker | null => {
    let worker: Worker;
    try {
      worker = options.spawn();
    } catch {
      return null;
    }
    worker.onmessage = (event: MessageEvent<HashReply>) => finish(worker, (job) => {
      const reply = event.data;
      if ("md5" in reply) job.resolve(reply.md5);
      else job.reject(reply.unreadable ? new UploadError("UNREADABLE", reply.error) : new Error(reply.error));
    });
    // A worker that cannot load (blocked, failed to compile) hashes nothing: its block is hashed here.
    worker.onerror = (event) => {
      event.preventDefault();
      broken = true;
      const job = running.get(worker);
      running.delete(worker);
      worker.terminate();
      if (job) queue.unshift(job);
      dispatch();
    };
    started.push(worker);
    return worker;
  };
  const dispatch = () => {
    while (queue.length > 0) {
      const worker = broken ? null : idle.pop() ?? (started.length < options.workers ? spawn() : undefined);
      if (worker === undefined) return; // all busy: the next finished block takes the next job
      const job = queue.shift()!;
      if (worker === null) {
        broken = true;
        inThreadHasher.hash(job.request.file, job.request.start, job.request.end).then(job.resolve, job.reject);
        continue;
      }
      running.set(worker, job);
      worker.postMessage(job.request);
    }
  };
  return {
    hash: (file, start, end) => new Promise<string>((resolve, reject) => {
      if (closed) return reject(new Error("The checksum workers were closed."));
      queue.push({ request: { id: nextId++, file, start, end }, resolve, reject });
      dispatch();
    }),
    close: () => {
      closed = true;
      for (const worker of started) worker.terminate();
      for (const job of [...queue, ...running.values()]) job.reject(new Error("The checksum workers were closed."));
      queue.length = 0;
      running.clear();
    },
  };
}

/** Workers in a browser (at most 4, fewer on small machines), the calling thread elsewhere. */
export function defaultHasher(): BlockHasher {
  if (typeof Worker === "undefined") return inThreadHasher;
  const cores = typeof navigator === "undefined" ? 2 : navigator.hardwareConcurrency || 2;
  return createWorkerHasher({
    workers: Math.max(1, Math.min(4, cores)),
    spawn: () => new Worker(new URL("./md5.worker.ts", import.meta.url), { type: "module", name: "kernelbook-md5" }),
  });
}
