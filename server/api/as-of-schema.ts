// The three counted groups of an answer as of a date, one shape for every answer that has
// them (representation, chain, route, compare), so clients read them the same way.
import { z } from '../zod.ts';

export const AsOfCountsSchema = z
  .object({
    date: z.string(),
    held: z.number().int().openapi({ description: 'Facts whose dates place them at that date' }),
    undated: z
      .number()
      .int()
      .openapi({ description: 'Facts whose dates are not given (first attested at some date): never counted as held' }),
    notValid: z.number().int().openapi({ description: 'Facts whose dates place them elsewhere' }),
  })
  .openapi('AsOfCounts');
