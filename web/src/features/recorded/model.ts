// "As recorded at", as pure steps: which version a moment means, and how many change sets
// came after it. A version grows by one per change set (docs/curation.md), so the count of
// later change sets is the difference of the two versions.

/** The newest change set at or before `moment` in a log listed newest first; null: none then. */
export function versionAt(log: ReadonlyArray<{ version: number; at: string }>, moment: string): { version: number; at: string } | null {
  const limit = Date.parse(moment);
  if (Number.isNaN(limit)) return null;
  return log.find((c) => Date.parse(c.at) <= limit) ?? null;
}

/** Change sets applied after `version`, never fewer than none. */
export function laterChanges(current: number, version: number): number {
  return Math.max(0, current - version);
}

export function isVersion(recordedAt: string): boolean {
  return /^\d+$/.test(recordedAt);
}
