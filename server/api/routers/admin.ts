// Admin dashboard procedures (admins only; everyone else gets NOT_FOUND): users, running kernels, audit log.
import { db } from "@/server/db";
import { listAuditActions, listAuditEvents, ZListAuditEventsInput } from "@/server/admin/list-audit-events";
import { listRunningKernels } from "@/server/admin/list-running-kernels";
import { listUsers, ZListUsersInput } from "@/server/admin/list-users";
import { resetUserPassword, ZResetUserPasswordInput } from "@/server/admin/reset-user-password";
import { setUserDisabled, ZSetUserDisabledInput } from "@/server/admin/set-user-disabled";
import { setUserRole, ZSetUserRoleInput } from "@/server/admin/set-user-role";
import { stopKernel, ZStopKernelInput } from "@/server/admin/stop-kernel";
import { adminProcedure, createRouter } from "../trpc";

export const adminRouter = createRouter({
  users: adminProcedure.input(ZListUsersInput).query(({ input }) => listUsers(db, input)),
  setRole: adminProcedure.input(ZSetUserRoleInput).mutation(({ ctx, input }) => setUserRole(db, { ...input, actorId: ctx.user.id, ip: ctx.ip })),
  setDisabled: adminProcedure.input(ZSetUserDisabledInput).mutation(({ ctx, input }) =>
    setUserDisabled(db, { ...input, actorId: ctx.user.id, ip: ctx.ip })),
  resetPassword: adminProcedure.input(ZResetUserPasswordInput).mutation(({ ctx, input }) =>
    resetUserPassword(db, { ...input, actorId: ctx.user.id, ip: ctx.ip })),
  kernels: adminProcedure.query(() => listRunningKernels(db)),
  stopKernel: adminProcedure.input(ZStopKernelInput).mutation(({ ctx, input }) => stopKernel(db, { ...input, actorId: ctx.user.id, ip: ctx.ip })),
  audit: adminProcedure.input(ZListAuditEventsInput).query(({ input }) => listAuditEvents(db, input)),
  auditActions: adminProcedure.query(() => listAuditActions(db)),
});
