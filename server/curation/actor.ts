// Who is making a change. Until accounts land (branch h13auth: ctx.actor), every write comes
// with the server's WRITE_TOKEN, whose actor is the automation admin; this is the one place
// to switch to ctx.actor when merging.
import type { Request } from 'express';

export interface Actor {
  name: string;
  role: 'editor' | 'admin';
  via: 'session' | 'token' | 'write-token';
}

/** The server's own writes (the seed load) and the WRITE_TOKEN's. */
export const AUTOMATION: Actor = { name: 'automation', role: 'admin', via: 'write-token' };

export function actorOf(_ctx: { req: Request }): Actor {
  return AUTOMATION;
}
