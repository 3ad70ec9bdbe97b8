// Small, strict parsing of `--name value` command-line flags with a zod schema, so the
// command-line tools report bad flags the same way the API reports bad parameters.
import { parseArgs } from 'node:util';
import type { z } from 'zod';

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
