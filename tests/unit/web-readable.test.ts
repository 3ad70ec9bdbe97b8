// Readable views' pure parts: where a suggestion list opens, and a hub's neighbours by kind.
import { describe, expect, it } from 'vitest';
import { hubKinds } from '../../web/src/features/hub/kinds.ts';
import { repRole } from '../../web/src/features/readable/actions.ts';
import { listPlacement } from '../../web/src/features/readable/placement.ts';

describe('listPlacement', () => {
  it('opens below a field with room under it', () => {
    expect(listPlacement({ top: 40, bottom: 70 }, 844, 300)).toEqual({ up: false, maxHeight: 506 });
  });

  it('opens above a field low on the screen, no taller than the room above', () => {
    const p = listPlacement({ top: 700, bottom: 730 }, 844, 300);
    expect(p.up).toBe(true);
    expect(p.maxHeight).toBeLessThanOrEqual(692);
    expect(p.maxHeight).toBeGreaterThanOrEqual(300);
  });

  it('stays below when above has even less room', () => {
    expect(listPlacement({ top: 60, bottom: 90 }, 200, 300).up).toBe(false);
  });
});

describe('hubKinds', () => {
  const edges = [
    { source: 'hub', target: 'a', type: 'COOPERATES_WITH' as const },
    { source: 'hub', target: 'b', type: 'COOPERATES_WITH' as const },
    { source: 'hub', target: 'b', type: 'SUPPORTS' as const },
    { source: 'gov', target: 'hub', type: 'MANDATES' as const },
    { source: 'hub', target: 'old', type: 'SUPPORTS' as const },
    { source: 'a', target: 'b', type: 'COOPERATES_WITH' as const },
  ];

  it('groups the new neighbours by kind and way of tie, largest first; a node tied two ways is in both', () => {
    expect(hubKinds('hub', ['a', 'b', 'gov'], edges)).toEqual([
      { type: 'COOPERATES_WITH', direction: 'out', ids: ['a', 'b'] },
      { type: 'MANDATES', direction: 'in', ids: ['gov'] },
      { type: 'SUPPORTS', direction: 'out', ids: ['b'] },
    ]);
  });

  it('leaves out neighbours already on the canvas and ties between others', () => {
    const kinds = hubKinds('hub', ['a'], edges);
    expect(kinds).toEqual([{ type: 'COOPERATES_WITH', direction: 'out', ids: ['a'] }]);
  });
});

describe('repRole', () => {
  it('asks about a forum as a forum, a country as the one represented, anyone else as the agent', () => {
    expect(repRole('Organisation')).toBe('forum');
    expect(repRole('Country')).toBe('principal');
    expect(repRole('Agency')).toBe('agent');
  });
});
