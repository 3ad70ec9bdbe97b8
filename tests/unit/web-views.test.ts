// Saved views' links and "as recorded at"'s arithmetic: pure steps of features/views and
// features/recorded.
import { describe, expect, it } from 'vitest';
import { isVersion, laterChanges, versionAt } from '../../web/src/features/recorded/model.ts';
import { viewIdOf, viewOfLink, withViewId } from '../../web/src/features/views/model.ts';

describe('a saved view’s address', () => {
  it('reads ?view= only when it is a view id, and keeps the other parameters', () => {
    expect(viewIdOf('?lang=sv&view=view-0123456789ab')).toBe('view-0123456789ab');
    expect(viewIdOf('?view=view-XYZ')).toBeNull();
    expect(viewIdOf('?view=../../api')).toBeNull();
    expect(viewIdOf('')).toBeNull();
    expect(withViewId('?lang=sv', 'view-0123456789ab')).toBe('?lang=sv&view=view-0123456789ab');
    expect(withViewId('?lang=sv&view=view-0123456789ab', null)).toBe('?lang=sv');
    expect(withViewId('?view=view-0123456789ab', null)).toBe('');
  });

  it('takes the view state from a saved link, a whole URL or the fragment alone', () => {
    const hash = '#n=who,socialstyrelsen&layout=hierarchy&rec=12';
    for (const link of [hash, `http://example.org/?lang=en${hash}`]) {
      const v = viewOfLink(link);
      expect(v?.state.nodes).toEqual(['who', 'socialstyrelsen']);
      expect(v?.state.layout).toBe('hierarchy');
      expect(v?.state.recordedAt).toBe('12');
    }
    expect(viewOfLink('http://example.org/')).toBeNull();
  });
});

describe('as recorded at', () => {
  const log = [
    { version: 14, at: '2026-11-30T12:00:00.000Z' },
    { version: 13, at: '2026-11-30T09:30:00.000Z' },
    { version: 12, at: '2026-11-29T18:00:00.000Z' },
  ];

  it('a moment means the newest change set at or before it', () => {
    expect(versionAt(log, '2026-11-30T12:00:00Z')?.version).toBe(14);
    expect(versionAt(log, '2026-11-30T11:59:59Z')?.version).toBe(13);
    expect(versionAt(log, '2026-11-30')?.version).toBe(12);
    expect(versionAt(log, '2026-11-01')).toBeNull();
    expect(versionAt(log, 'not a moment')).toBeNull();
  });

  it('counts the change sets after a version, never below none', () => {
    expect(laterChanges(14, 12)).toBe(2);
    expect(laterChanges(12, 12)).toBe(0);
    expect(laterChanges(12, 20)).toBe(0);
    expect(isVersion('12')).toBe(true);
    expect(isVersion('2026-11-30')).toBe(false);
  });
});
