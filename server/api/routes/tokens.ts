// Personal API tokens for scripts (docs/curation.md): made here and shown once, listed
// without their secret, revoked by id. A token acts with its account's role.
import type { Router } from 'express';
import { z } from '../../zod.ts';
import { createToken, listTokens, revokeToken } from '../../auth/accounts.ts';
import type { Actor } from '../../auth/actor.ts';
import { defineRoute } from '../route.ts';
import type { Services } from '../services.ts';
import { missing, writeTokenHasNoAccount } from '../../error-words.ts';
import { accountGone } from '../../refusal-words.ts';

const TokenSummary = z
  .object({ id: z.string(), label: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() })
  .openapi('TokenSummary');
const TokenList = z.object({ tokens: z.array(TokenSummary) }).openapi('TokenList');
const NewTokenBody = z
  .object({
    label: z.string().trim().min(1).max(100).openapi({ description: 'What the token is for, e.g. "nightly import"; shown in the list.' }),
  })
  .strict()
  .openapi('NewTokenRequest');
const NewToken = z
  .object({ id: z.string(), label: z.string(), token: z.string().openapi({ description: 'The secret, shown this once and never again.' }) })
  .openapi('NewToken');
const Revoked = z.object({ id: z.string(), revokedAt: z.string() }).openapi('RevokedToken');
const TokenParams = z.object({ id: z.string().min(1).max(64) });

/** The write token belongs to no account, so it has no tokens of its own. */
function account(actor: Actor): string {
  if (actor.via === 'write-token') throw writeTokenHasNoAccount();
  return actor.name;
}

export function tokenRoutes(router: Router, services: Services): void {
  defineRoute(router, services, {
    method: 'get',
    path: '/api/tokens',
    tag: 'accounts',
    summary: 'Your personal API tokens, without their secrets',
    auth: 'editor',
    response: { description: 'The signed-in account’s tokens, newest first', schema: TokenList },
    handler: async (_input, { actor, services: { db } }) => ({
      tokens: actor.via === 'write-token' ? [] : await listTokens(db, actor.name),
    }),
  });

  defineRoute(router, services, {
    method: 'post',
    path: '/api/tokens',
    tag: 'accounts',
    summary: 'Make a personal API token (shown once)',
    auth: 'editor',
    body: NewTokenBody,
    response: { description: 'The new token, with its secret shown this once', schema: NewToken, status: 201 },
    handler: async ({ body }, { req, actor, services: { db } }) => {
      const made = await createToken(db, account(actor), body.label);
      if (!made) throw accountGone();
      req.log?.info({ event: 'token-created', user: actor.name, tokenId: made.id }, 'API token made');
      return made;
    },
  });

  defineRoute(router, services, {
    method: 'post',
    path: '/api/tokens/:id/revoke',
    tag: 'accounts',
    summary: 'Revoke a token: it stops working at once',
    description: 'An editor revokes their own tokens; an admin any. Revoking twice keeps the first time.',
    auth: 'editor',
    params: TokenParams,
    errors: { 404: 'No such token among those you may revoke.' },
    response: { description: 'Revoked', schema: Revoked },
    handler: async ({ params }, { req, actor, services: { db } }) => {
      const owner = actor.role === 'admin' ? null : account(actor);
      const revoked = await revokeToken(db, params.id, owner);
      if (!revoked) throw missing('token', 'params.id', params.id);
      req.log?.info({ event: 'token-revoked', user: actor.name, tokenId: revoked.id, owner: revoked.userName }, 'API token revoked');
      return { id: revoked.id, revokedAt: revoked.revokedAt };
    },
  });
}
