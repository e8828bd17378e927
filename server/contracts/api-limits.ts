// Limits of the tRPC endpoint that the browser client must respect too (it splits larger batches).
export const MAX_BATCH_CALLS = 50;
