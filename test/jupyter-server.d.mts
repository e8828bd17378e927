export type JupyterTestServer = {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  token: string;
  /** Shuts down its kernels and the server, kills any kernel process left, removes its temp dir. */
  stop(): Promise<void>;
};

export function startJupyterServer(options?: { timeoutMs?: number; command?: string }): Promise<JupyterTestServer>;
