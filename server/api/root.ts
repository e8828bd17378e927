// The app's tRPC router: one sub-router per domain.
import { credentialRouter } from "./routers/credential";
import { datasetRouter } from "./routers/dataset";
import { executionRouter } from "./routers/execution";
import { kernelRouter } from "./routers/kernel";
import { mlserverRouter } from "./routers/mlserver";
import { notebookRouter } from "./routers/notebook";
import { userRouter } from "./routers/user";
import { createCallerFactory, createRouter } from "./trpc";

export const appRouter = createRouter({
  user: userRouter,
  notebook: notebookRouter,
  execution: executionRouter,
  kernel: kernelRouter,
  credential: credentialRouter,
  mlserver: mlserverRouter,
  dataset: datasetRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
