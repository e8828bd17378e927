// Stands in for the "server-only" marker package outside Next.js (Vitest runs server code directly).
export {};
