export function adminUrl(): string;
export function createTestDatabase(prefix?: string): Promise<{ name: string; url: string }>;
export function dropTestDatabase(name: string): Promise<void>;
