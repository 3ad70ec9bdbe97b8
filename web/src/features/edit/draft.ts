// A form's draft in sessionStorage (issue 21, part 3): every field, and what a form keeps
// besides its fields (the nodes picked as a tie's ends), come back as they were after a reload
// or a new sign-in in the same tab. A saved change set clears its draft.

const PREFIX = 'mandate-explorer:edit-draft:';

export interface DraftData {
  fields: Record<string, string>;
  extra?: Record<string, unknown>;
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    // Storage can be switched off; the form then simply starts empty.
    return null;
  }
}

export class FormDraft {
  constructor(private readonly key: string) {}

  load(): DraftData | null {
    const raw = storage()?.getItem(PREFIX + this.key);
    if (!raw) return null;
    try {
      const data = JSON.parse(raw) as DraftData;
      return data && typeof data.fields === 'object' ? data : null;
    } catch {
      return null;
    }
  }

  save(data: DraftData): void {
    const empty = Object.values(data.fields).every((v) => v === '') && !Object.values(data.extra ?? {}).some(Boolean);
    try {
      if (empty) storage()?.removeItem(PREFIX + this.key);
      else storage()?.setItem(PREFIX + this.key, JSON.stringify(data));
    } catch {
      // Full or switched off: the draft is a convenience, never a condition.
    }
  }

  clear(): void {
    storage()?.removeItem(PREFIX + this.key);
  }
}
