// Edit mode: add a node, add a tie, correct the selected element, retire it. Every change
// carries a reason and a citation; the forms speak the model (the type picker offers only
// the types the vocabulary allows between the two ends), and a refusal is shown beside the
// field it names. A conflict (someone changed the element since it was read) shows what
// the element says now, and nothing is overwritten.
import type { ApiClient } from '../../api/client.ts';
import { ApiError } from '../../api/client.ts';
import type { CurationApi } from '../../api/curation.ts';
import type { ChangeWritten, Operation } from '../../api/curation-types.ts';
import { errorMessage } from '../../api/messages.ts';
import type { EdgeData, NodeData, NodeLabel, RelationshipType } from '../../api/types.ts';
import type { EventBus } from '../../events.ts';
import type { ElementCache } from '../../graph/view.ts';
import { t } from '../../i18n/index.ts';
import type { ViewState } from '../../state/view-state.ts';
import { button, clear, h } from '../../ui/dom.ts';
import type { Feedback } from '../../ui/feedback.ts';
import { SearchBox } from '../../ui/search-box.ts';
import { parseSource, setSourceTitles } from '../../ui/sources.ts';
import { LABELS, LABEL_NAMES, TYPE_PHRASES } from '../../vocabulary.ts';
import type { SessionState } from '../session/state.ts';
import { FormFields, input, select, textarea } from './form.ts';
import { spokenMessage } from './citation-words.ts';
import { laterSentences } from './conflict-words.ts';
import { FormDraft } from './draft.ts';
import { englishLabel, isTwinned, swedishField, swedishForms, warningsList, withEnglishForms } from './bilingual.ts';
import { allowedTypes, basisAllowed, changedFields, citation, isAct, newFactId, nodeIdFrom, type TypeRule } from './model.ts';

export type EditMode = 'tie' | 'node' | 'correct' | 'retire' | 'source' | 'upload';
const MODES: EditMode[] = ['tie', 'node', 'correct', 'retire', 'source', 'upload'];
/** The server's rule for a source file name (server/api/routes/sources.ts SOURCE_FILE). */
const SOURCE_FILE = /^[\w.-]+\.txt$/;
/** What addSource takes as `text` (server/curation/schemas.ts). */
export const MAX_SOURCE_TEXT = 2_000_000;
/** Tie qualifiers that are text for people, offered in Swedish too. */
const SV_TEXT_QUALIFIERS = ['task', 'role', 'subject', 'agreement'] as const;

/** What the controller does after a change set is written: reload the view, bring in `show`. */
export type AfterWrite = (written: ChangeWritten, what: { show: string[]; select?: { factId: string } | { id: string } }) => Promise<void>;

const CERTAINTIES = ['stated', 'hedged', 'inferred'] as const;
const BASIS_KINDS = ['mandate', 'treaty', 'law', 'not-stated'] as const;
const CAPACITIES = ['government', 'expert-authority', 'delegate'] as const;

export class EditPanel {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly modeButtons = new Map<EditMode, HTMLButtonElement>();
  private mode: EditMode = 'tie';
  private rules: TypeRule[] = [];
  private sources: Array<{ file: string; title?: string }> = [];
  /** Until the list of registered sources has come (or failed), the picker says it is coming. */
  private sourcesState: 'loading' | 'loaded' | 'failed' = 'loading';
  /** The draft of the form on screen, cleared when its change set is saved. */
  private draft: FormDraft | null = null;
  private selectedKey = '';
  /** A new text of a document: the form is source watch's own (features/review/upload.ts). */
  private drawUpload: ((body: HTMLElement) => void) | null = null;
  /** "Saved as version N": kept above the form drawn again after the view reloads. */
  private notice = '';
  /** The server's one-language warnings of the last save, kept with its notice. */
  private warnings: HTMLElement | null = null;
  private state: ViewState | null = null;

  constructor(
    private readonly api: ApiClient,
    private readonly cur: CurationApi,
    private readonly session: SessionState,
    private readonly bus: EventBus,
    private readonly cache: ElementCache,
    private readonly feedback: Feedback,
    private readonly afterWrite: AfterWrite,
  ) {
    const modes = h('div', { class: 'edit-modes', role: 'group', 'aria-label': t.curation.editWhat });
    for (const m of MODES) {
      const label = m === 'source' ? t.sourceForm.mode : m === 'upload' ? t.review.uploadMode : t.curation.modes[m];
      const b = button(label, () => this.setMode(m), { class: 'small', 'aria-pressed': 'false', 'data-mode': m });
      this.modeButtons.set(m, b);
      modes.append(b);
    }
    this.body = h('div', { class: 'edit-body' });
    this.element = h(
      'div',
      { class: 'tool edit-tool' },
      h('div', { class: 'edit-signed-in' }, modes, this.body),
      h('div', { class: 'edit-signed-out' }),
    );
    session.subscribe(() => this.render());
    this.render();
  }

  setRules(rules: TypeRule[]): void {
    this.rules = rules;
    if (this.mode === 'tie') this.render();
  }

  async loadSources(): Promise<void> {
    const was = this.sourcesState;
    try {
      this.sources = (await this.cur.sources()).sources;
      setSourceTitles(this.sources);
      this.sourcesState = 'loaded';
    } catch {
      // The citation field then takes a typed file name.
      this.sourcesState = 'failed';
    }
    // A form drawn before the list came (signed in from an earlier visit) gets its picker now;
    // its draft brings back what was typed.
    if (was === 'loading') this.render();
  }

  /** The registered documents, as the citation pickers offer them. */
  get registeredSources(): Array<{ file: string; title?: string }> {
    return this.sources;
  }

  setUploadForm(draw: (body: HTMLElement) => void): void {
    this.drawUpload = draw;
    if (this.mode === 'upload') this.render();
  }

  setMode(mode: EditMode): void {
    this.mode = mode;
    this.notice = '';
    this.render();
  }

  /** After the graph changed: a correction or retirement form shows the element (and its rev) as it is now. */
  redraw(): void {
    if (this.mode === 'correct' || this.mode === 'retire') this.render();
  }

  /** The selection decides what "correct" and "retire" work on. */
  update(state: ViewState): void {
    const past = this.state?.recordedAt ?? null;
    this.state = state;
    if (past !== state.recordedAt) {
      this.render();
      return;
    }
    const key = state.selected.join(',');
    if (key === this.selectedKey) return;
    this.selectedKey = key;
    if (this.mode === 'correct' || this.mode === 'retire') this.render();
  }

  private render(): void {
    const [signedIn, signedOut] = [this.element.firstElementChild as HTMLElement, this.element.lastElementChild as HTMLElement];
    signedIn.hidden = !this.session.canEdit;
    signedOut.hidden = this.session.canEdit;
    if (!this.session.canEdit) {
      clear(
        signedOut,
        h('p', { class: 'muted' }, t.curation.signInToEdit),
        h(
          'div',
          { class: 'actions' },
          button(t.curation.signIn, () => document.querySelector<HTMLElement>('#sign-in')?.click(), { class: 'primary' }),
        ),
      );
      return;
    }
    const modes = signedIn.querySelector<HTMLElement>('.edit-modes');
    const recordedAt = this.state?.recordedAt ?? null;
    if (modes) modes.style.display = recordedAt !== null ? 'none' : '';
    if (recordedAt !== null) {
      // Change sets apply to the graph as it is now; an edit made while reading the past
      // would look like it changes what is on screen.
      const what = /^\d+$/.test(recordedAt) ? t.recorded.versionWord(Number(recordedAt)) : recordedAt;
      clear(
        this.body,
        h('p', { class: 'edit-off', role: 'note' }, t.recorded.editingOff(what)),
        h(
          'div',
          { class: 'actions' },
          button(t.recorded.backToNow, () => this.bus.emit('view:act', { type: 'setRecordedAt', recordedAt: null }), {
            class: 'primary',
          }),
        ),
      );
      return;
    }
    for (const [m, b] of this.modeButtons) b.setAttribute('aria-pressed', String(m === this.mode));
    if (this.mode === 'tie') this.tieForm();
    else if (this.mode === 'node') this.nodeForm();
    else if (this.mode === 'source') this.sourceForm();
    else if (this.mode === 'upload') this.drawUpload?.(this.body);
    else this.selectedForm(this.mode);
    if (this.notice)
      this.body.prepend(h('div', { class: 'edit-saved', role: 'status' }, h('p', { class: 'ok-text' }, this.notice), this.warnings));
  }

  // --------------------------------------------------------------------------- the forms

  private tieForm(): void {
    const f = new FormFields('edit-tie');
    const ends: { from: NodeLabel | null; to: NodeLabel | null } = { from: null, to: null };
    const type = select([]);
    const typeHint = h('p', { class: 'field-hint', id: 'edit-tie-type-fit' });
    const qualifiers = h('div', { class: 'edit-qualifiers' });
    const refreshTypes = () => {
      const allowed = allowedTypes(this.rules, ends.from, ends.to);
      const keep = type.value;
      type.replaceChildren(
        h('option', { value: '' }, t.curation.pickType),
        ...allowed.map((ty) => h('option', { value: ty }, `${TYPE_PHRASES[ty]} (${ty})`)),
      );
      type.value = allowed.includes(keep as RelationshipType) ? keep : '';
      typeHint.textContent =
        ends.from && ends.to ? t.curation.typesFit(allowed.length, LABEL_NAMES[ends.from], LABEL_NAMES[ends.to]) : t.curation.pickEndsFirst;
      refreshQualifiers();
    };
    const refreshQualifiers = () => {
      const ty = type.value as RelationshipType | '';
      const rule = this.rules.find((r) => r.type === ty);
      const q = new Set(rule?.qualifiers ?? []);
      for (const name of ['forum', 'capacity', 'principal', 'task', 'role', 'subject', 'agreement', 'chain', 'step'])
        f.show(name, q.has(name));
      // Each text qualifier also in Swedish (docs/model.md, "Two languages").
      for (const name of SV_TEXT_QUALIFIERS) f.show(`${name}Sv`, q.has(name));
      const basis = ty !== '' && basisAllowed(ty);
      for (const name of ['basisKind', 'basisRef', 'basisCertainty', 'basisNote', 'basisNoteSv']) f.show(name, basis);
      const kind = f.control('basisKind') as HTMLSelectElement | undefined;
      if (kind) kind.required = ty !== '' && isAct(ty);
    };
    const picker = (id: string, label: string, end: 'from' | 'to') =>
      new SearchBox(this.api, {
        id,
        label,
        placeholder: end === 'from' ? t.tools.fromPlaceholder : t.tools.toPlaceholder,
        keepValue: true,
        onPick: (hit) => {
          ends[end] = this.cache.nodes.get(hit.id)?.label ?? null;
          refreshTypes();
          // Labels of nodes not yet fetched: ask, then offer the types again.
          if (!ends[end])
            void this.api.node(hit.id).then(
              (d) => {
                ends[end] = d.node.label;
                refreshTypes();
              },
              () => undefined,
            );
        },
      });
    const from = picker('edit-tie-from', t.curation.fromNode, 'from');
    const to = picker('edit-tie-to', t.curation.toNode, 'to');
    from.input.addEventListener('input', () => ((ends.from = null), refreshTypes()));
    to.input.addEventListener('input', () => ((ends.to = null), refreshTypes()));
    // The pickers' own inputs are the fields a refusal of `from` or `to` is shown beside.
    const endField = (name: 'from' | 'to', label: string, box: SearchBox) => {
      const wrap = f.field(name, label, box.input);
      wrap.querySelector('label')?.after(box.element);
      box.element.querySelector('label.visually-hidden')?.remove();
      box.element.prepend(box.input);
      return wrap;
    };
    type.addEventListener('change', refreshQualifiers);
    const form = this.formShell(f, t.curation.addTie, () => {
      const ty = type.value as RelationshipType | '';
      const local: Array<{ path: string; message: string }> = [];
      if (!from.value) local.push({ path: 'from', message: t.curation.pickFromList });
      if (!to.value) local.push({ path: 'to', message: t.curation.pickFromList });
      if (!ty) local.push({ path: 'type', message: t.curation.pickType });
      if (local.length || !ty || !from.value || !to.value) return { local };
      const tie: Record<string, unknown> = {
        id: newFactId(ty, from.value.id, to.value.id),
        type: ty,
        from: from.value.id,
        to: to.value.id,
      };
      const rule = this.rules.find((r) => r.type === ty);
      for (const q of rule?.qualifiers ?? []) {
        const v = f.value(q);
        if (v) tie[q] = q === 'step' ? Number(v) : v;
        const sv = (SV_TEXT_QUALIFIERS as readonly string[]).includes(q) ? f.value(`${q}Sv`) : '';
        if (sv) Object.assign(tie, { [`${q}Sv`]: sv, [`${q}SvOrigin`]: 'ours' });
      }
      if (basisAllowed(ty)) {
        for (const b of ['basisKind', 'basisRef', 'basisCertainty', 'basisNote']) if (f.value(b)) tie[b] = f.value(b);
        Object.assign(tie, swedishForms(f, ['basisNote']));
      }
      Object.assign(tie, this.trustFields(f));
      return {
        ops: (ref: string): Operation[] => [
          { op: 'addTie', tie: { ...tie, type: ty, from: from.value!.id, to: to.value!.id, sources: [ref] } },
        ],
        show: [from.value.id, to.value.id],
        select: { factId: String(tie.id) },
      };
    });
    clear(
      form.element,
      endField('from', t.curation.fromNode, from),
      endField('to', t.curation.toNode, to),
      f.field('type', t.curation.type, type),
      typeHint,
      qualifiers,
      f.field('forum', t.keys.forum ?? 'Forum', input({ placeholder: 'who' }), t.curation.nodeIdHint),
      f.field('capacity', t.details.capacity, select([['', '—'], ...CAPACITIES.map((c) => [c, t.capacities[c] ?? c] as [string, string])])),
      f.field('principal', t.curation.principal, input(), t.curation.nodeIdHint),
      f.field('task', englishLabel('task', t.curation.task), input()),
      f.field('taskSv', t.bilingual.inSwedish(t.curation.task), input({ lang: 'sv' })),
      f.field('role', englishLabel('role', t.curation.role), input()),
      f.field('roleSv', t.bilingual.inSwedish(t.curation.role), input({ lang: 'sv' })),
      f.field('subject', englishLabel('subject', t.curation.subject), input()),
      f.field('subjectSv', t.bilingual.inSwedish(t.curation.subject), input({ lang: 'sv' })),
      f.field('agreement', englishLabel('agreement', t.curation.agreement), input()),
      f.field('agreementSv', t.bilingual.inSwedish(t.curation.agreement), input({ lang: 'sv' })),
      f.field('chain', t.curation.chain, input()),
      f.field('step', t.curation.step, input({ type: 'number', min: 1 })),
      this.trustBlock(f),
      h(
        'fieldset',
        { class: 'edit-basis' },
        h('legend', {}, t.certainty.basis),
        f.field(
          'basisKind',
          t.curation.basisKind,
          select([['', '—'], ...BASIS_KINDS.map((b) => [b, t.curation.basisKinds[b]] as [string, string])]),
        ),
        f.field('basisRef', t.curation.basisRef, input(), t.curation.basisRefHint),
        f.field(
          'basisCertainty',
          t.curation.basisCertainty,
          select([['', '—'], ...CERTAINTIES.map((c) => [c, t.certainty[c]] as [string, string])]),
        ),
        f.field('basisNote', englishLabel('basisNote', t.curation.basisNote), input()),
        swedishField(f, 'basisNote', t.curation.basisNote, input()),
      ),
      ...form.footer,
    );
    clear(this.body, form.element);
    refreshTypes();
    const restoreEnds = (extra: Record<string, unknown> | undefined) => {
      for (const [end, box] of [
        ['from', from],
        ['to', to],
      ] as const) {
        const picked = extra?.[end] as { id: string; name: string } | undefined;
        if (!picked?.id) continue;
        box.set(picked);
        ends[end] = this.cache.nodes.get(picked.id)?.label ?? null;
        if (!ends[end])
          void this.api.node(picked.id).then(
            (d) => {
              ends[end] = d.node.label;
              refreshTypes();
              // The type list depends on the ends: put the drafted type back once it is offered.
              const data = this.draft?.load();
              if (data) f.restore(data.fields);
            },
            () => undefined,
          );
      }
      refreshTypes();
    };
    this.keepDraft(f, form.element, 'tie', { save: () => ({ from: from.value, to: to.value }), restore: restoreEnds });
    // The basis fieldset disappears when the type takes no basis.
    const basisSet = this.body.querySelector<HTMLElement>('.edit-basis');
    type.addEventListener('change', () => {
      if (basisSet) basisSet.hidden = !(type.value && basisAllowed(type.value as RelationshipType));
    });
    if (basisSet) basisSet.hidden = true;
  }

  private nodeForm(): void {
    const f = new FormFields('edit-node');
    const label = select(
      LABELS.map((l) => [l, LABEL_NAMES[l]] as [string, string]),
      'Organisation',
    );
    const name = input({ maxlength: 300 });
    const id = input({ maxlength: 120 });
    let idTouched = false;
    id.addEventListener('input', () => (idTouched = true));
    name.addEventListener('input', () => {
      if (!idTouched) id.value = nodeIdFrom(name.value);
    });
    const form = this.formShell(f, t.curation.addNode, () => {
      const node: Record<string, unknown> = { id: f.value('id'), label: label.value, name: f.value('name') };
      for (const k of ['nameEn', 'description']) if (f.value(k)) node[k] = f.value(k);
      Object.assign(node, swedishForms(f, ['name', 'description']));
      Object.assign(node, this.trustFields(f));
      return {
        ops: (ref: string): Operation[] => [
          { op: 'addNode', node: { ...node, label: label.value as NodeLabel, name: f.value('name'), sources: [ref] } },
        ],
        show: [String(node.id)],
        select: { id: String(node.id) },
      };
    });
    clear(
      form.element,
      f.field('label', t.curation.label, label),
      f.field('name', t.curation.nodeName, name, t.curation.nodeNameHint),
      swedishField(f, 'name', t.curation.fieldNames.name ?? 'Name', input()),
      f.field('nameEn', t.curation.nameEn, input()),
      f.field('id', t.curation.nodeId, id, t.curation.nodeIdNew),
      f.field('description', englishLabel('description', t.curation.description), input()),
      swedishField(f, 'description', t.curation.description, input()),
      this.trustBlock(f),
      ...form.footer,
    );
    clear(this.body, form.element);
    this.keepDraft(f, form.element, 'node');
  }

  /** Correct or retire the selected node or tie. */
  private selectedForm(mode: 'correct' | 'retire'): void {
    const selected = this.state?.selected ?? [];
    const [first] = selected;
    const node = first ? this.cache.nodes.get(first) : undefined;
    const edge = first && !node ? this.cache.edges.get(first) : undefined;
    if (selected.length !== 1 || (!node && !edge)) {
      clear(this.body, h('p', { class: 'muted edit-pick' }, t.curation.selectOne));
      return;
    }
    const what = node ? node.name : this.tieName(edge!);
    const target = node
      ? { kind: 'node' as const, id: node.id, rev: revOf(node), data: node as unknown as Record<string, unknown> }
      : { kind: 'tie' as const, id: String(edge!.factId ?? edge!.id), rev: revOf(edge!), data: edge as unknown as Record<string, unknown> };
    const f = new FormFields(`edit-${mode}`);
    const heading = h('p', { class: 'edit-target' }, node ? t.curation.theNode : t.curation.theTie, h('strong', {}, what));
    if (mode === 'retire') {
      const form = this.formShell(
        f,
        t.curation.retire,
        () => {
          const reason = f.value('retireReason');
          if (reason.length < 10) return { local: [{ path: 'retireReason', message: t.curation.reasonShort }] };
          const op: Operation =
            target.kind === 'node'
              ? { op: 'retireNode', id: target.id, rev: target.rev, reason }
              : { op: 'retireTie', id: target.id, rev: target.rev, reason };
          return { ops: () => [op], show: [] };
        },
        { target },
      );
      clear(form.element, f.field('retireReason', t.curation.retireReason, textarea(2), t.curation.retireReasonHint), ...form.footer);
      clear(this.body, heading, h('p', { class: 'muted' }, t.curation.retireExplain), form.element);
      this.keepDraft(f, form.element, `retire:${target.kind}:${target.id}:${target.rev}`);
      return;
    }
    const fields =
      target.kind === 'node'
        ? ['name', 'nameEn', 'description', 'validFrom', 'validTo']
        : ['validFrom', 'validTo', ...(this.rules.find((r) => r.type === edge!.type)?.qualifiers ?? []), 'certainty', 'hedge', 'evidence'];
    // Each text in both languages: its Swedish form right after it.
    const editable = fields.flatMap((k) => (isTwinned(k) ? [k, `${k}Sv`] : [k]));
    const controls = editable.map((k) => {
      const value = target.data[k] === undefined || target.data[k] === null ? '' : String(target.data[k]);
      const control =
        k === 'certainty'
          ? select(
              CERTAINTIES.map((c) => [c, t.certainty[c]] as [string, string]),
              value,
            )
          : k === 'evidence'
            ? Object.assign(textarea(3), { value })
            : input({ value });
      if (k.endsWith('Sv') && isTwinned(k.slice(0, -2))) control.lang = 'sv';
      return f.field(k, formLabel(k), control, k === 'validFrom' || k === 'validTo' ? t.curation.dateHint : undefined);
    });
    const form = this.formShell(
      f,
      t.curation.saveCorrection,
      () => {
        const now: Record<string, string> = {};
        for (const k of editable) now[k] = f.value(k);
        const set = withEnglishForms(changedFields(target.data, now), target.data);
        if (!Object.keys(set).length) return { local: [{ path: editable[0]!, message: t.curation.nothingChanged }] };
        const op: Operation =
          target.kind === 'node'
            ? { op: 'updateNode', id: target.id, rev: target.rev, set }
            : { op: 'updateTie', id: target.id, rev: target.rev, set };
        return { ops: () => [op], show: [], select: target.kind === 'tie' ? { factId: target.id } : { id: target.id } };
      },
      { target },
    );
    clear(form.element, ...controls, ...form.footer);
    clear(this.body, heading, form.element);
    // Keyed by the element and the rev it was read at: a draft of an older state is not put back.
    this.keepDraft(f, form.element, `correct:${target.kind}:${target.id}:${target.rev}`);
  }

  /** Brings back the form's draft, if any, and keeps it as the person types. */
  private keepDraft(
    f: FormFields,
    form: HTMLElement,
    key: string,
    extra?: { save: () => Record<string, unknown>; restore: (x: Record<string, unknown> | undefined) => void },
  ): void {
    const draft = new FormDraft(key);
    this.draft = draft;
    const data = draft.load();
    if (data) {
      extra?.restore(data.extra);
      f.restore(data.fields);
    }
    const save = () => draft.save({ fields: f.values(), ...(extra ? { extra: extra.save() } : {}) });
    form.addEventListener('input', save);
    form.addEventListener('change', save);
  }

  // ------------------------------------------------------------------ shared form parts

  /** Certainty, its hedge or grounds, dates and the paraphrase: the trust model's fields. */
  private trustBlock(f: FormFields): HTMLElement {
    const certainty = select(
      CERTAINTIES.map((c) => [c, `${t.certainty[c]} — ${certaintyTitle(c)}`] as [string, string]),
      'stated',
    );
    const block = h(
      'fieldset',
      { class: 'edit-trust' },
      h('legend', {}, t.curation.howSure),
      f.field('certainty', t.curation.certainty, certainty),
      f.field('hedge', t.curation.hedge, input(), t.curation.hedgeHint),
      f.field(
        'outsideKnowledge',
        englishLabel('outsideKnowledge', t.curation.outsideKnowledge),
        input({ placeholder: 'outside knowledge: …' }),
        t.curation.outsideHint,
      ),
      swedishField(f, 'outsideKnowledge', t.curation.outsideKnowledge, input()),
      f.field('validFrom', t.curation.validFrom, input({ inputmode: 'numeric', placeholder: 'YYYY[-MM[-DD]]' }), t.curation.dateHint),
      f.field('validTo', t.curation.validTo, input({ inputmode: 'numeric', placeholder: 'YYYY[-MM[-DD]]' }), t.curation.dateHint),
      f.field('evidence', englishLabel('evidence', t.curation.evidence), textarea(3), t.curation.evidenceHint),
      swedishField(f, 'evidence', t.curation.evidence, textarea(3)),
      f.field(
        'planned',
        t.citationChecks.planned,
        select([
          ['', t.citationChecks.plannedNo],
          ['yes', t.citationChecks.plannedYes],
        ]),
        t.citationChecks.plannedHint,
      ),
    );
    const follow = () => {
      f.show('hedge', certainty.value === 'hedged');
      f.show('outsideKnowledge', certainty.value === 'inferred');
      f.show('outsideKnowledgeSv', certainty.value === 'inferred');
    };
    certainty.addEventListener('change', follow);
    follow();
    return block;
  }

  private trustFields(f: FormFields): Record<string, string | boolean> {
    const out: Record<string, string | boolean> = { certainty: f.value('certainty') };
    if (f.value('planned') === 'yes') out.planned = true;
    if (out.certainty === 'hedged' && f.value('hedge')) out.hedge = f.value('hedge');
    if (out.certainty === 'inferred' && f.value('outsideKnowledge')) out.outsideKnowledge = f.value('outsideKnowledge');
    for (const k of ['validFrom', 'validTo', 'evidence']) if (f.value(k)) out[k] = f.value(k);
    Object.assign(out, swedishForms(f, out.certainty === 'inferred' ? ['evidence', 'outsideKnowledge'] : ['evidence']));
    return out;
  }

  /**
   * Register a source document: its file name (the server's rule shown), title, publisher,
   * date, URL and optionally its text, read here and sent as `text` (at most 2 MB, refused
   * before sending). The citation may name the document being registered.
   */
  private sourceForm(): void {
    const f = new FormFields('edit-source');
    const file = input({ maxlength: 200, placeholder: '004_report.txt', autocomplete: 'off' });
    const upload = h('input', { type: 'file', accept: '.txt,text/plain' });
    let text: string | undefined;
    let uploadProblem = '';
    upload.addEventListener('change', () => {
      text = undefined;
      uploadProblem = '';
      const chosen = upload.files?.[0];
      if (!chosen) return;
      if (chosen.size > MAX_SOURCE_TEXT) {
        uploadProblem = t.sourceForm.tooBig((chosen.size / 1_000_000).toFixed(1));
        f.showErrors([{ path: 'text', message: uploadProblem }]);
        return;
      }
      f.clearErrors();
      void chosen.text().then(
        (s) => {
          if (s.length > MAX_SOURCE_TEXT) {
            uploadProblem = t.sourceForm.tooBig((s.length / 1_000_000).toFixed(1));
            f.showErrors([{ path: 'text', message: uploadProblem }]);
          } else text = s;
        },
        () => {
          uploadProblem = t.sourceForm.notText;
          f.showErrors([{ path: 'text', message: uploadProblem }]);
        },
      );
    });
    const form = this.formShell(
      f,
      t.sourceForm.register,
      () => {
        const local: Array<{ path: string; message: string }> = [];
        const name = f.value('srcFile');
        if (!SOURCE_FILE.test(name) || name.startsWith('.')) local.push({ path: 'srcFile', message: t.sourceForm.fileBad });
        if (!f.value('title')) local.push({ path: 'title', message: t.sourceForm.titleNeeded });
        const url = f.value('url');
        if (url && !/^https?:\/\/\S+$/.test(url)) local.push({ path: 'url', message: t.sourceForm.urlBad });
        if (uploadProblem) local.push({ path: 'text', message: uploadProblem });
        if (local.length) return { local };
        const source: { file: string; title: string; publisher?: string; date?: string; url?: string } = {
          file: name,
          title: f.value('title'),
        };
        for (const k of ['publisher', 'date', 'url'] as const) if (f.value(k)) source[k] = f.value(k);
        return {
          ops: (): Operation[] => [{ op: 'addSource', source, ...(text !== undefined ? { text } : {}) }],
          show: [],
          registers: name,
        };
      },
      { selfFile: () => f.value('srcFile') },
    );
    clear(
      form.element,
      f.field('srcFile', t.sourceForm.file, file, t.sourceForm.fileHint),
      f.field('title', t.sourceForm.title, input({ maxlength: 500 })),
      f.field('publisher', t.sourceForm.publisher, input({ maxlength: 500 })),
      f.field('date', t.sourceForm.date, input({ maxlength: 40 }), t.sourceForm.dateHint),
      f.field('url', t.sourceForm.url, input({ type: 'url', maxlength: 2000, placeholder: 'https://' })),
      f.field('text', t.sourceForm.text, upload, t.sourceForm.textHint),
      ...form.footer,
    );
    clear(this.body, form.element);
    this.keepDraft(f, form.element, 'source');
  }

  /**
   * The reason and citation every change set needs, the submit button and the place for
   * what the server says; `build` turns the fields into operations (or local refusals).
   */
  private formShell(
    f: FormFields,
    submitLabel: string,
    build: () =>
      | { local: Array<{ path: string; message: string }> }
      | {
          ops: (ref: string) => Operation[];
          show: string[];
          select?: { factId: string } | { id: string };
          /** A source file this change set registers: offered as a citation afterwards. */
          registers?: string;
        },
    /**
     * selfFile: the document the form registers, cited when no other is picked (lines optional then);
     * target: the element a correction or retirement was read at, whose history explains a conflict.
     */
    opts: { selfFile?: () => string; target?: { id: string; rev: number } } = {},
  ): { element: HTMLFormElement; footer: HTMLElement[] } {
    // A list while it loads too (never a free-text field that looks chosen); free text only
    // when the list could not be had.
    const files =
      this.sourcesState === 'loading'
        ? select([['', t.citationChecks.loadingSources]])
        : this.sources.length || this.sourcesState === 'loaded'
          ? select([
              ['', t.curation.pickSource],
              ...this.sources.map((s) => [s.file, `${s.title ?? s.file} (${s.file})`] as [string, string]),
            ])
          : input({ placeholder: '001_1c1597dd7120e666.txt' });
    const status = h('div', { class: 'edit-status', role: 'status', 'aria-live': 'polite' });
    const submit = h('button', { type: 'submit', class: 'primary' }, submitLabel);
    const element = h('form', { class: 'edit-form', novalidate: true });
    const footer = [
      h(
        'fieldset',
        { class: 'edit-why' },
        h('legend', {}, t.curation.whyAndSource),
        f.field('reason', t.curation.reason, textarea(2), t.curation.reasonHint),
        f.field('file', t.curation.sourceFile, files, opts.selfFile ? t.sourceForm.citeSelf : undefined),
        f.field('lines', t.curation.lines, input({ placeholder: '18-20', inputmode: 'numeric' }), t.curation.linesHint),
        f.field('citationNote', t.citationChecks.note, textarea(2), t.citationChecks.noteHint),
      ),
      h('div', { class: 'actions' }, submit),
      status,
    ];
    element.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void (async () => {
        clear(status);
        this.notice = '';
        this.body.querySelector('.edit-saved')?.remove();
        const built = build();
        const local = 'local' in built ? [...built.local] : [];
        const reason = f.value('reason');
        if (reason.length < 10) local.push({ path: 'reason', message: t.curation.reasonShort });
        const self = opts.selfFile?.() ?? '';
        const file = f.value('file') || self;
        // The document being registered may be cited without lines: it is what the change is about.
        const cite =
          file === self && self && !f.value('lines') ? { citation: { file: self }, ref: self } : citation(file, f.value('lines'));
        if (!file) local.push({ path: 'file', message: t.curation.sourceNeeded });
        else if (!cite) local.push({ path: 'lines', message: t.curation.linesBad });
        if (local.length || 'local' in built || !cite) {
          f.showErrors(local);
          clear(status, h('p', { class: 'error-text' }, t.curation.fixFields(local.length)));
          return;
        }
        f.clearErrors();
        submit.disabled = true;
        try {
          const written = await this.feedback.track(
            t.curation.saving,
            this.cur.write({ reason, sources: [withNote(cite.citation, f.value('citationNote'))], ops: built.ops(cite.ref) }),
          );
          // Saved: the draft has done its work (before anything else, so a reload now starts empty).
          this.draft?.clear();
          const registers = 'registers' in built ? built.registers : undefined;
          this.notice = registers
            ? t.sourceForm.registered(registers, written.changeSet.version)
            : t.curation.saved(written.changeSet.version);
          if (registers) await this.loadSources();
          this.warnings = warningsList(written, fieldLabel);
          clear(status, h('p', { class: 'ok-text' }, this.notice), this.warnings?.cloneNode(true) ?? null);
          this.feedback.notify('info', this.notice, 'edit');
          await this.afterWrite(written, { show: built.show, select: built.select });
          if (this.mode === 'tie' || this.mode === 'node') element.reset();
          // The picker of every form now offers the new document.
          if (registers) this.render();
        } catch (err) {
          this.showRefusal(err, f, status, opts.target);
        } finally {
          submit.disabled = false;
        }
      })();
    });
    return { element, footer };
  }

  /** Who changed the element after the form read it, as sentences; none when its history cannot be had. */
  private async laterChanges(target: { id: string; rev: number } | undefined): Promise<string[]> {
    if (!target) return [];
    try {
      return laterSentences((await this.cur.history(target.id)).entries, target.rev, this.session.user?.name ?? null);
    } catch {
      return [];
    }
  }

  /** 400 beside the fields; 409 with who changed the element and what it says now; the rest in words. */
  private showRefusal(err: unknown, f: FormFields, status: HTMLElement, target?: { id: string; rev: number }): void {
    if (err instanceof ApiError && err.status === 413) {
      clear(status, h('p', { class: 'error-text', role: 'alert' }, t.sourceForm.serverRefused(413, err.message)));
      return;
    }
    if (err instanceof ApiError && err.status === 400 && err.details.length) {
      // addSource's own fields: the registered file is `srcFile` here, as `file` is the citation's.
      // In the reader's language where the server gave the problem as a code (citation checks).
      const rest = f.showErrors(
        err.details.map((d) => ({ ...d, message: spokenMessage(d), path: d.path.replace(/\.source\.file$/, '.source.srcFile') })),
      );
      clear(
        status,
        // In the reader's language: nothing was written, and how many problems there are.
        h('p', { class: 'error-text', role: 'alert' }, t.curation.fixFields(err.details.length)),
        rest.length
          ? h(
              'ul',
              { class: 'error-list' },
              rest.map((d) => h('li', {}, restLine(d))),
            )
          : null,
      );
      return;
    }
    if (err instanceof ApiError && err.status === 409) {
      void this.laterChanges(target).then((later) => {
        clear(
          status,
          conflictView(
            err,
            () => this.bus.emit('curation:reload', { ids: this.state?.selected ?? [] }),
            later,
            (id) => this.cache.nodes.get(id)?.name ?? id,
          ),
        );
        status.querySelector<HTMLElement>('.conflict')?.focus();
      });
      return;
    }
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
      clear(
        status,
        h(
          'p',
          { class: 'error-text', role: 'alert' },
          err.code === 'CSRF_FAILED' || err.status === 401 ? t.curation.signInAgain : t.curation.notAllowed,
        ),
      );
      return;
    }
    clear(status, h('p', { class: 'error-text', role: 'alert' }, errorMessage(err, t.curation.saving)));
  }

  private tieName(e: EdgeData): string {
    const name = (id: string) => this.cache.nodes.get(id)?.name ?? id;
    return `${name(e.source)} ${TYPE_PHRASES[e.type]} ${name(e.target)}`;
  }
}

/** The revision an element was read at; elements from before curation have none (0). */
function revOf(d: NodeData | EdgeData): number {
  const rev = (d as unknown as { rev?: unknown }).rev;
  return typeof rev === 'number' ? rev : Number(rev ?? 0) || 0;
}

function certaintyTitle(c: (typeof CERTAINTIES)[number]): string {
  return { stated: t.certainty.statedTitle, hedged: t.certainty.hedgedTitle, inferred: t.certainty.inferredTitle }[c];
}

/** The citation with the form's note, when there is one. */
function withNote<C extends { file: string }>(c: C, note: string): C & { note?: string } {
  return note ? { ...c, note } : c;
}

/** A refusal no field shows: the field's label (never the server's path) and what is wrong. */
function restLine(d: { path: string; message: string }): string {
  const parts = d.path.split(/[.[\]]+/).filter((p) => p && !/^\d+$/.test(p) && p !== 'body' && p !== 'ops');
  const known = [...parts].reverse().find((p) => (t.curation.fieldNames as Record<string, string>)[p] ?? t.keys[p]);
  return known ? `${fieldLabel(known)}: ${d.message}` : d.message;
}

function fieldLabel(k: string): string {
  const own = (t.curation.fieldNames as Record<string, string>)[k];
  return own ?? t.keys[k] ?? k;
}

/** A correction field's label: a text's two forms say their language. */
function formLabel(k: string): string {
  const base = k.endsWith('Sv') ? k.slice(0, -2) : k;
  if (base !== k && isTwinned(base)) return t.editForms.inSwedish(fieldLabel(base));
  return englishLabel(k, fieldLabel(k));
}

/**
 * A conflict: the element changed since it was read. Who changed it and what (`later`, from its
 * history, when the form could read it), then what it says now, field by field.
 */
export function conflictView(
  err: ApiError,
  reload: () => void,
  later: string[] = [],
  name: (id: string) => string = (id) => id,
): HTMLElement {
  // Each conflicting element's state now rides in its detail (`details[].current`; null: retired).
  const details = Array.isArray(err.body?.details) ? (err.body.details as Array<{ current?: unknown }>) : [];
  const list = details.map((d) => d.current).filter((c): c is Record<string, unknown> => !!c && typeof c === 'object');
  const retired = details.length > 0 && details.every((d) => d.current === null);
  // The server's own details name ids; the history's sentences say the same to a person.
  const lines = later.length ? later : err.details.map((d) => d.message);
  return h(
    'div',
    { class: 'conflict', role: 'alert', tabindex: '-1' },
    h('p', { class: 'error-text' }, retired ? t.review.editConflictRetired : t.review.editConflict),
    lines.length
      ? h(
          'ul',
          { class: 'error-list' },
          lines.map((line) => h('li', {}, line)),
        )
      : null,
    list.length ? h('p', {}, t.review.editConflictNow) : null,
    list.map((c) => stateList(c as Record<string, unknown>, name)),
    button(t.curation.loadCurrent, reload, { class: 'small' }),
  );
}

/** Bookkeeping, not what the element says: the store's merge key, revision, ids, the source-watch marks. */
const NOT_SAID = new Set(['key', 'rev', 'id', 'factId', 'citedAgainst', 'review', 'reviewFile', 'reviewSince', 'attested']);

/**
 * An element's state (as a change set records it) as a definition list, in words: a tie's kind
 * as a phrase, its ends by name (`name`, when the caller knows them), citations as document and lines.
 */
export function stateList(s: Record<string, unknown> | null | undefined, name: (id: string) => string = (id) => id): HTMLElement | null {
  if (!s) return null;
  const flat: Record<string, unknown> = { ...s, ...((s.properties as Record<string, unknown> | undefined) ?? {}) };
  delete flat.properties;
  const rows = Object.entries(flat).filter(([k, v]) => !NOT_SAID.has(k) && v !== null && v !== undefined && v !== '');
  const said = (k: string, v: unknown): string => {
    if (k === 'type' && typeof v === 'string') return TYPE_PHRASES[v as RelationshipType] ?? v;
    if (k === 'label' && typeof v === 'string') return LABEL_NAMES[v as NodeLabel] ?? v;
    if ((k === 'from' || k === 'to' || k === 'forum' || k === 'principal') && typeof v === 'string') return name(v);
    if (k === 'certainty' && (v === 'stated' || v === 'hedged' || v === 'inferred')) return t.certainty[v];
    if (k === 'sources' && Array.isArray(v))
      return v
        .map((ref) => {
          const r = parseSource(String(ref));
          return `${r.document}, ${r.lines}`;
        })
        .join('; ');
    return Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
  return h(
    'dl',
    { class: 'facts state-list' },
    rows.flatMap(([k, v]) => [h('dt', {}, fieldLabel(k)), h('dd', {}, said(k, v))]),
  );
}
