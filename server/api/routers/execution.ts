// Execution procedures: run cells, stream their events (resumable), answer input, list history.
import { tracked } from "@trpc/server";
import { db } from "@/server/db";
import { ZHistoryInput, ZOnEventInput, ZRunCellsInput, ZSendInputInput } from "@/server/contracts/execution";
import { listHistory } from "@/server/executions/list-history";
import { runCells } from "@/server/executions/run-cells";
import { sendInput } from "@/server/executions/send-input";
import { watchNotebookEvents } from "@/server/executions/watch-notebook-events";
import { createRouter, protectedProcedure } from "../trpc";

export const executionRouter = createRouter({
  run: protectedProcedure.input(ZRunCellsInput).mutation(({ ctx, input }) => runCells(db, { userId: ctx.user.id, ...input })),
  sendInput: protectedProcedure.input(ZSendInputInput).mutation(({ ctx, input }) => sendInput(db, { userId: ctx.user.id, ...input })),
  history: protectedProcedure.input(ZHistoryInput).query(({ ctx, input }) => listHistory(db, { userId: ctx.user.id, ...input })),
  onEvent: protectedProcedure.input(ZOnEventInput).subscription(async function* ({ ctx, input, signal }) {
    for await (const event of watchNotebookEvents(db, { userId: ctx.user.id, ...input, signal })) {
      yield tracked(event.id, event);
    }
  }),
});
