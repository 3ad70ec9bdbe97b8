// Small, strict parsing of `--name value` command-line flags with a zod schema, so the
// command-line tools report bad flags the same way the API reports bad parameters.
import { parseArgs } from 'node:util';
import { z } from 'zod';

export function parseFlags<S extends z.ZodType>(
  schema: S,
  argv: string[],
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>,
): z.infer<S> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: argv, options, allowPositionals: true, strict: true }).values;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) process.stderr.write(`--${issue.path.join('.')}: ${issue.message}\n`);
    process.exit(2);
  }
  return parsed.data;
}

/** The flags that pick part of the graph, as the export and figure commands both take them. */
export const SELECTION_FLAGS = {
  root: { type: 'string' },
  depth: { type: 'string' },
  ids: { type: 'string' },
  types: { type: 'string' },
  'as-of': { type: 'string' },
} as const;

/** What the selection flags may hold, before the API's own request schema checks them. */
export const selectionFlags = {
  root: z.string().optional(),
  depth: z.coerce.number().optional(),
  ids: z.string().optional(),
  types: z.string().optional(),
  'as-of': z.string().optional(),
};

/** `a, b,c` as ['a', 'b', 'c']; absent stays absent. */
export function commaList(s: string | undefined): string[] | undefined {
  return s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;
}

/**
 * The API's request as the command line gave it, or exit 2 naming each flag that is wrong (the
 * request says asOf where the command line says --as-of).
 */
export function requestOrExit<T>(result: z.ZodSafeParseResult<T>): T {
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const [field] = issue.path;
    const flag = field === 'asOf' ? 'as-of' : String(field);
    process.stderr.write(`${field === undefined ? 'arguments' : `--${flag}`}: ${issue.message}\n`);
  }
  process.exit(2);
}
