// What the Settings page's sessions list and password form exchange with the server.
import { z } from "zod";

export type ActiveSession = { id: string; createdAt: Date; lastSeenAt: Date; browser: string; ip: string | null; current: boolean };

export const ZRevokeSessionInput = z.object({ id: z.string().min(1).max(64) });

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(200),
  newPassword: z.string().min(1, "Enter a new password").max(200),
});
export type ChangePasswordInput = z.infer<typeof ZChangePasswordInput>;
