// ML Server procedures: snapshots of a notebook's session and web services published from it
// (`callService`, not `call`: tRPC reserves that name).
// Each acts with the caller's ML Server login (or the shared one, limited to the caller's objects).
import { db } from "@/server/db";
import {
  ZCallServiceInput, ZPublishServiceInput, ZSaveSnapshotInput, ZServiceRef, ZSnapshotRef, ZStartFromSnapshotInput,
} from "@/server/contracts/mlserver";
import { callService, deleteService, listServices, publishService, serviceSwagger } from "@/server/mlserver/services";
import { deleteSnapshot, listSnapshots, saveSnapshot, startFromSnapshot } from "@/server/mlserver/snapshots";
import { createRouter, protectedProcedure } from "../trpc";

export const mlserverRouter = createRouter({
  snapshots: protectedProcedure.query(({ ctx }) => listSnapshots(db, { userId: ctx.user.id })),
  saveSnapshot: protectedProcedure.input(ZSaveSnapshotInput).mutation(({ ctx, input }) => saveSnapshot(db, { userId: ctx.user.id, ...input })),
  deleteSnapshot: protectedProcedure.input(ZSnapshotRef).mutation(({ ctx, input }) => deleteSnapshot(db, { userId: ctx.user.id, ...input })),
  startFromSnapshot: protectedProcedure.input(ZStartFromSnapshotInput).mutation(({ ctx, input }) => startFromSnapshot(db, { userId: ctx.user.id, ...input })),

  services: protectedProcedure.query(({ ctx }) => listServices(db, { userId: ctx.user.id })),
  publish: protectedProcedure.input(ZPublishServiceInput).mutation(({ ctx, input }) => publishService(db, { userId: ctx.user.id, ...input })),
  swagger: protectedProcedure.input(ZServiceRef).query(({ ctx, input }) => serviceSwagger(db, { userId: ctx.user.id, ...input })),
  callService: protectedProcedure.input(ZCallServiceInput).mutation(({ ctx, input }) => callService(db, { userId: ctx.user.id, ...input })),
  deleteService: protectedProcedure.input(ZServiceRef).mutation(({ ctx, input }) => deleteService(db, { userId: ctx.user.id, ...input })),
});
