export const AZURITE_MISSING: string;
export function findAzurite(options?: { from?: string }): string | null;
export function azuriteConnectionString(port: number): string;
export function startAzurite(options: { port: number; location?: string; inMemory?: boolean; timeoutMs?: number }): Promise<{ connectionString: string; stop(): Promise<void> }>;
