// Input schemas of the credential procedures: a user's own login to a remote kernel provider.
import { z } from "zod";

export const REMOTE_PROVIDER_IDS = ["backendai", "mlserver"] as const;
export const ZRemoteProviderId = z.enum(REMOTE_PROVIDER_IDS);
export type RemoteProviderId = z.infer<typeof ZRemoteProviderId>;

const printable = (what: string, max: number) =>
  z.string().trim().min(1, `Enter the ${what}`).max(max, `The ${what} is longer than ${max} characters`)
    .regex(/^[\x21-\x7e]+$/, `The ${what} contains spaces or characters that cannot be part of it`);

export const ZSaveCredentialInput = z.discriminatedUnion("provider", [
  z.object({ provider: z.literal("backendai"), accessKey: printable("access key", 128), secretKey: printable("secret key", 256) }),
  z.object({ provider: z.literal("mlserver"), username: z.string().trim().min(1, "Enter the user name").max(256), password: z.string().min(1, "Enter the password").max(1024) }),
]);
export type SaveCredentialInput = z.infer<typeof ZSaveCredentialInput>;

export const ZCredentialRef = z.object({ provider: ZRemoteProviderId });
