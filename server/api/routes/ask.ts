// GET /api/ask: a question in plain Swedish or English → what it was read as, the other
// likely readings, and the answer of the tool that answers it (docs/ask.md).
import type { Router } from 'express';
import { z } from '../../zod.ts';
import { read, toolFor } from '../../ask/ask.ts';
import { ASK_KINDS, CANNOT_REASONS, MAX_QUESTION, type Reading } from '../../ask/understand.ts';
import { NotFoundError } from '../../errors.ts';
import { Lang } from '../schemas.ts';
import { callRoute, defineRoute } from '../route.ts';
import type { Services } from '../services.ts';

// A question that looks like a database query is refused rather than read: a clause keyword
// together with pattern or parameter syntax. Other words are only ever search words.
const CYPHER_CLAUSE = /\b(match|merge|create|delete|detach|return|call|unwind|foreach|remove|load\s+csv)\b/i;
const CYPHER_SYNTAX = /[(){}[\]$`]|-->|<--|->|<-|\bunion\b/i;

const AskQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'type a question')
    .max(MAX_QUESTION, `at most ${MAX_QUESTION} characters: ask one thing at a time`)
    .refine((s) => !/\p{Cc}/u.test(s), 'control characters are not part of a question')
    .refine(
      (s) => !(CYPHER_CLAUSE.test(s) && CYPHER_SYNTAX.test(s)),
      'this looks like a database query; ask in words (the console at POST /api/query reads Cypher)',
    )
    .openapi({ description: 'The question, in Swedish or English', example: 'Vem företräder Sverige i WHO?' }),
  lang: Lang,
});

const DateReading = z.union([
  z.object({ kind: z.literal('at'), date: z.string() }),
  z.object({ kind: z.literal('since'), date: z.string() }),
  z.object({ kind: z.literal('between'), from: z.string(), to: z.string() }),
]);

const ReadingSchema = z
  .object({
    kind: z.enum([...ASK_KINDS, 'cannot']).openapi({
      description:
        'representation; chain-up (who appointed, on whose assignment); chain-down (what falls under); route (how X reaches Y); shared (what two share); ties (at a date, or what came and went between two); changed (versions since a date); cannot (the data cannot answer it: see reason)',
    }),
    reason: z.enum(CANNOT_REASONS).optional(),
    words: z.array(z.string()).optional().openapi({ description: 'cannot: the words it turned on (an unknown name, "how much" …)' }),
    entities: z.array(
      z.object({
        role: z.string().openapi({ description: 'agent, principal, forum; subject; from, to; a, b' }),
        id: z.string(),
        name: z.string(),
        nameEn: z.string().nullable(),
        label: z.string(),
        words: z.string().openapi({ description: 'The words of the question that named it' }),
      }),
    ),
    date: DateReading.nullable(),
    directed: z.boolean().optional().openapi({ description: 'route: follow ties only in their direction (a request, a report)' }),
  })
  .openapi('AskReading');

const AskAnswer = z
  .object({
    question: z.string(),
    today: z.string().openapi({ description: 'The day relative dates ("förra året", "last year") were counted from' }),
    reading: ReadingSchema,
    alternatives: z
      .array(ReadingSchema)
      .openapi({ description: 'Other readings as likely as the first (at most three); empty when it is sure' }),
    tool: z
      .object({ tool: z.string(), path: z.string(), params: z.record(z.string(), z.string()), query: z.record(z.string(), z.string()) })
      .nullable()
      .openapi({ description: 'The route that answers the reading, with its input' }),
    answer: z.unknown().openapi({ description: "That route's answer, exactly as it gives it; null when the question cannot be answered" }),
    cannot: z.string().nullable().openapi({ description: 'Why it cannot be answered, in a plain sentence; null when it can' }),
    noAnswer: z.string().nullable().openapi({ description: "When the answering route found nothing to answer with: its 404's message" }),
  })
  .openapi('AskAnswer');

export function askRoutes(router: Router, services: Services): void {
  defineRoute(router, services, {
    method: 'get',
    path: '/api/ask',
    tag: 'questions',
    summary: 'A question in plain Swedish or English: what it was read as, and the answer',
    description:
      'Read offline and deterministically: the kind of question from word patterns (server/ask/patterns.json), the named things by the search (names, English names, abbreviations, inflected forms, near misses), dates and periods in words. The answer is the answering route run with the reading, the same answer as that route gives. A question the data cannot answer (amounts, reasons, opinions, the future, a name not in the data) gets `cannot` with why, never an answer about something else.',
    query: AskQuery,
    errors: { 400: 'An empty or too long question, control characters, or text that looks like a database query; `details` says which.' },
    response: { description: 'The reading and the answer', schema: AskAnswer },
    handler: async ({ query }, ctx) => {
      const today = new Date().toISOString().slice(0, 10);
      const u = await read(ctx.services.db, query.q, today);
      const tool = await toolFor(ctx.services.db, u.reading, query.lang);
      let answer: unknown = null;
      let noAnswer: string | null = null;
      try {
        if (tool) answer = await callRoute(tool.path, { query: tool.query, params: tool.params }, { ...ctx, actor: ctx.actor ?? null });
      } catch (err) {
        // The tool found nothing to answer with (its route would say 404): the reading stands.
        if (!(err instanceof NotFoundError)) throw err;
        noAnswer = err.message;
      }
      return {
        question: query.q,
        today,
        reading: u.reading,
        alternatives: u.alternatives,
        tool,
        answer,
        noAnswer,
        cannot: u.reading.kind === 'cannot' ? whyNot(u.reading, query.lang) : null,
      };
    },
  });
}

/** Why a question cannot be answered, in one plain sentence. */
function whyNot(r: Extract<Reading, { kind: 'cannot' }>, lang: 'en' | 'sv'): string {
  const words = r.words.join(' ');
  const sv = lang === 'sv';
  switch (r.reason) {
    case 'amount':
      return sv
        ? 'Källorna anger vem som är knuten till vem, inte belopp eller antal.'
        : 'The sources record who is tied to whom, not amounts or numbers.';
    case 'reason':
      return sv ? 'Källorna anger vem som är knuten till vem, inte varför.' : 'The sources record who is tied to whom, not why.';
    case 'opinion':
      return sv ? 'Källorna anger band och uppdrag, inte åsikter.' : 'The sources record ties and mandates, not opinions.';
    case 'future':
      return sv ? 'Källorna anger vad som har varit och är, inte vad som kommer.' : 'The sources record what was and is, not what will be.';
    case 'outside':
      return sv ? `Det här (${words}) finns inte i källorna.` : `The sources do not record this (${words}).`;
    case 'unknown-name':
      return sv ? `”${words}” finns inte i uppgifterna.` : `“${words}” is not in the data.`;
    case 'missing':
      return sv
        ? `Frågan behöver fler namngivna aktörer än jag hittade${words ? `; jag känner inte igen ”${words}”` : ''}.`
        : `The question needs more named bodies than I found${words ? `; I do not recognise “${words}”` : ''}.`;
    case 'no-date':
      return sv ? 'Säg sedan när, till exempel ”sedan 2020”.' : 'Say since when, for example “since 2020”.';
    case 'no-question':
      return sv
        ? 'Jag kan svara på vem som företräder vem, vem som utsåg eller gav uppdrag, hur något når fram, vad två delar, band vid en tid och vad som ändrats.'
        : 'I can answer who represents whom, who appointed or gave an assignment, how something reaches something else, what two share, ties at a time, and what changed.';
  }
}

/** For the web app (type-only import). */
export type AskAnswerBody = z.infer<typeof AskAnswer>;
export type AskReading = z.infer<typeof ReadingSchema>;
