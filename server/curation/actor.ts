// Who is making a change: the signed-in editor, a personal token's owner, or the WRITE_TOKEN's
// automation admin, as the route's guard found them (server/auth). Merged here from h13auth
// so the web app's change sets carry their author; the lead's merge may do the same.
import type { Actor } from '../auth/actor.ts';

export type { Actor };
/** The server's own writes (the seed load) and the WRITE_TOKEN's. */
export { AUTOMATION } from '../auth/actor.ts';

export function actorOf(ctx: { actor: Actor }): Actor {
  return ctx.actor;
}
