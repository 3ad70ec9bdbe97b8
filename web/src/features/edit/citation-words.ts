// A refusal of the citation checks (issue 21) in the reader's language: the server sends each
// problem as a code and its values beside its English message, and the form says it here.
import { t } from '../../i18n/index.ts';

interface Detail {
  path: string;
  message: string;
  problem?: unknown;
}

export function spokenMessage(d: Detail): string {
  const p = d.problem as { code?: string; lines?: number; line?: number; from?: string; to?: string; date?: string } | undefined;
  switch (p?.code) {
    case 'beyond-end':
      return t.citationChecks.beyondEnd(Number(p.lines), Number(p.line));
    case 'names-neither':
      return t.citationChecks.namesNeither(String(p.from), String(p.to));
    case 'future-start':
      return t.citationChecks.futureStart(String(p.date));
    default:
      return d.message;
  }
}
