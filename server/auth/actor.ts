// Who is asking. Routes declare the role they need (server/api/route.ts); handlers get the
// actor, so a change set can be signed with a name.
import { z } from '../zod.ts';

export const ROLES = ['editor', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Actor = z.object({
  name: z.string(),
  role: Role,
  via: z.enum(['session', 'token', 'write-token']),
});
export type Actor = z.infer<typeof Actor>;

/** The WRITE_TOKEN's actor: automation, with the admin's rights, and no account behind it. */
export const AUTOMATION: Actor = { name: 'automation', role: 'admin', via: 'write-token' };

/** An admin may do everything an editor may. */
export const hasRole = (actor: Actor, needed: Role): boolean => needed === 'editor' || actor.role === 'admin';

/**
 * Account names: letters, digits and . _ -, up to 64, so that a name shown in the change log
 * or a terminal can carry no markup or control characters. `automation` is the write token's.
 */
export const UserName = z
  .string()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u, 'expected 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit')
  .refine((n) => n.toLowerCase() !== AUTOMATION.name, 'the name "automation" is reserved for the WRITE_TOKEN');
