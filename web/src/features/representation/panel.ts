// "Who represents whom": agent, principal, forum and capacity, any of them open.
import type { ApiClient } from '../../api/client.ts';
import type { NodeData, RepresentationResult } from '../../api/types.ts';
import type { EventBus } from '../../events.ts';
import { validAt } from '../../graph/dates.ts';
import { shortName } from '../../graph/elements.ts';
import { t } from '../../i18n/index.ts';
import { SearchBox } from '../../ui/search-box.ts';
import type { Focus } from '../../state/view-state.ts';
import {
  answerText,
  asOfGroups,
  basisNote,
  button,
  certaintyBadge,
  clear,
  evidenceBlock,
  field,
  h,
  nodeChip,
  showBusy,
  showError,
  spanText,
  timeStatusNote,
} from '../common/ui.ts';

export class RepresentationPanel {
  readonly element: HTMLElement;
  readonly result: HTMLElement;
  private readonly agent: SearchBox;
  private readonly principal: SearchBox;
  private readonly forum: SearchBox;
  private readonly capacity: HTMLSelectElement;

  constructor(
    api: ApiClient,
    private readonly bus: EventBus,
  ) {
    const box = (id: string, label: string, placeholder: string) =>
      new SearchBox(api, { id, label, placeholder, keepValue: true, onPick: () => undefined });
    this.agent = box('rep-agent', t.tools.agent, t.tools.agentPlaceholder);
    this.principal = box('rep-principal', t.tools.principal, t.tools.principalPlaceholder);
    this.forum = box('rep-forum', t.tools.forum, t.tools.forumPlaceholder);
    this.capacity = h(
      'select',
      { id: 'rep-capacity' },
      h('option', { value: '' }, t.tools.anyCapacity),
      Object.entries(t.capacities).map(([v, phrase]) => h('option', { value: v }, phrase)),
    );
    this.result = h('div', { class: 'result', tabindex: '-1' });
    this.element = h(
      'form',
      { class: 'tool rep-tool', onsubmit: ((ev: Event) => (ev.preventDefault(), this.submit())) as EventListener },
      h('p', { class: 'muted' }, t.tools.repIntro),
      field(t.tools.principal, this.principal.element),
      field(t.tools.forum, this.forum.element),
      field(t.tools.agent, this.agent.element),
      h('div', { class: 'field' }, h('label', { for: 'rep-capacity', class: 'field-label' }, t.tools.capacity), this.capacity),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'primary' }, t.tools.showRep),
        button(t.tools.clear, () => this.reset()),
      ),
      this.result,
    );
  }

  prefill(role: 'agent' | 'principal' | 'forum', node: { id: string; name: string }): void {
    this.reset();
    ({ agent: this.agent, principal: this.principal, forum: this.forum })[role].set(node);
  }

  private reset(): void {
    for (const b of [this.agent, this.principal, this.forum]) b.set(null);
    this.capacity.value = '';
  }

  private submit(): void {
    const typed = [this.agent, this.principal, this.forum].find((b) => b.input.value.trim() && !b.value);
    if (typed) {
      showError(this.result, t.tools.pickOrClear(typed.input.value.trim()));
      typed.focus();
      return;
    }
    this.bus.emit('representation:show', {
      agent: this.agent.value?.id ?? null,
      principal: this.principal.value?.id ?? null,
      forum: this.forum.value?.id ?? null,
      capacity: this.capacity.value || null,
    });
  }

  busy(): void {
    showBusy(this.result, t.tools.askingRep);
  }

  error(message: string): void {
    showError(this.result, message);
  }

  show(
    result: RepresentationResult,
    focus: Extract<Focus, { kind: 'representation' }>,
    asOf: string | null,
    names: (id: string) => NodeData | undefined,
  ): void {
    const fill = (b: SearchBox, id: string | null) => b.set(id ? { id, name: names(id)?.name ?? id } : null);
    fill(this.agent, focus.agent);
    fill(this.principal, focus.principal);
    fill(this.forum, focus.forum);
    this.capacity.value = focus.capacity ?? '';
    const reps = [...result.representations].sort(
      (a, b) =>
        (a.forum?.name ?? '').localeCompare(b.forum?.name ?? '') ||
        (a.validFrom ?? '').localeCompare(b.validFrom ?? '') ||
        a.agent.name.localeCompare(b.agent.name),
    );
    if (!reps.length) {
      clear(this.result, h('p', { class: 'error-text' }, t.tools.noRep(asOf)), h('p', { class: 'muted' }, t.tools.noRepTry));
      return;
    }
    const capacityText = (c: string | null | undefined) => (c ? (t.capacities[c] ?? c) : null);
    // Each fact in the server's words, in the reader's language; our own sentence only for an older server.
    const sentences = reps.map(
      (r) =>
        r.summary?.text ??
        t.tools.repSentence(
          r.agent.name,
          r.principal?.name ?? null,
          r.forum ? shortName(r.forum) : null,
          capacityText(r.capacity),
          spanText(r),
        ),
    );
    const summary = result.summary;
    const notValid = result.notValidThen ?? [];
    clear(
      this.result,
      answerText(
        summary,
        sentences.length <= 3 ? sentences.join(' ') : t.tools.repCount(reps.length, asOf),
        sentences,
        asOfGroups(result.asOf),
      ),
      notValid.length
        ? h(
            'details',
            { class: 'answer-list not-valid-then' },
            h('summary', {}, `${t.answerText.notValidList} (${notValid.length})`),
            h(
              'ul',
              {},
              notValid.map((r) => h('li', {}, r.summary?.text ?? r.agent.name)),
            ),
          )
        : null,
      h('p', { class: 'result-count' }, t.tools.repCount(reps.length, asOf)),
      h(
        'ul',
        { class: 'rep-list' },
        reps.map((r) => {
          const span = spanText(r);
          const rel = r.relationship as unknown as Record<string, unknown>;
          return h(
            'li',
            { class: `rep ${validAt(r.validFrom, r.validTo, asOf) ? '' : 'out-of-time'}` },
            h(
              'div',
              { class: 'rep-line' },
              nodeChip(r.agent, r.agent.id, () => this.bus.emit('node:show', { id: r.agent.id })),
              ...(r.principal
                ? [
                    h('span', { class: 'phrase' }, t.tools.represents),
                    nodeChip(r.principal, r.principal.id, () => this.bus.emit('node:show', { id: r.principal!.id })),
                  ]
                : [h('span', { class: 'phrase' }, t.tools.inOwnName)]),
            ),
            h(
              'div',
              { class: 'rep-meta' },
              r.forum
                ? h('span', {}, t.tools.inForum, h('strong', {}, shortName(r.forum)))
                : h('span', { class: 'muted' }, t.tools.forumNotGiven),
              ' · ',
              h('span', { class: `capacity capacity-${r.capacity ?? 'none'}` }, capacityText(r.capacity) ?? t.tools.capacityNotGiven),
              span ? ` · ${span}` : '',
              ' ',
              certaintyBadge(rel),
              // The row, not its tie, carries where the as-of answer places it ("dates not given").
              timeStatusNote(r),
            ),
            basisLine(r.basisText, rel),
            h(
              'div',
              { class: 'rep-actions' },
              button(t.tools.showTie, () => this.bus.emit('view:act', { type: 'select', ids: [r.relationship.id] }), { class: 'small' }),
              evidenceBlock(r.relationship),
            ),
          );
        }),
      ),
    );
  }
}

/**
 * The basis in words (the server's basisText: the assignment's task and its giver, in the
 * reader's language); the basis kind and fact id stay in the tooltip for those who look them up.
 */
function basisLine(text: string | undefined, rel: Record<string, unknown>): HTMLElement | null {
  if (!text) return basisNote(rel);
  const ids = [rel.basisKind, rel.basisRef].filter((x) => typeof x === 'string' && x).join(' · ');
  return h('div', { class: 'basis', ...(ids ? { title: ids } : {}) }, `${t.certainty.basis}: `, text);
}
