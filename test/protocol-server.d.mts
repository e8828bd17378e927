export type ProtocolServer = { settings: Record<string, string>; log(): string; stop(): Promise<void> };
export function startProtocolServer(options: { main: string; expect: string[]; args?: string[]; timeoutMs?: number }): Promise<ProtocolServer>;
