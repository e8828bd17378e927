// The app's tRPC router: one sub-router per domain.
import { adminRouter } from "./routers/admin";
import { adminStatsRouter } from "./routers/admin-stats";
import { credentialRouter } from "./routers/credential";
import { datasetRouter } from "./routers/dataset";
import { executionRouter } from "./routers/execution";
import { kernelRouter } from "./routers/kernel";
import { mlserverRouter } from "./routers/mlserver";
import { notebookRouter } from "./routers/notebook";
import { sessionRouter } from "./routers/session";
import { shareRouter } from "./routers/share";
import { userRouter } from "./routers/user";
import { createCallerFactory, createRouter } from "./trpc";

export const appRouter = createRouter({
  admin: adminRouter,
  adminStats: adminStatsRouter,
  user: userRouter,
  notebook: notebookRouter,
  execution: executionRouter,
  kernel: kernelRouter,
  credential: credentialRouter,
  mlserver: mlserverRouter,
  dataset: datasetRouter,
  share: shareRouter,
  session: sessionRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
