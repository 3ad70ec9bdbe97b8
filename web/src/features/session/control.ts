// Sign-in and sign-out: a button in the top bar and a small dialog. The server keeps the
// session in an httpOnly cookie; the page keeps only who it is and the CSRF token.
import { ApiError } from '../../api/client.ts';
import type { CurationApi } from '../../api/curation.ts';
import { errorMessage } from '../../api/messages.ts';
import { t } from '../../i18n/index.ts';
import { button, clear, h } from '../../ui/dom.ts';
import type { Feedback } from '../../ui/feedback.ts';
import type { SessionState } from './state.ts';

export class SessionControl {
  readonly element: HTMLElement;

  constructor(
    private readonly api: CurationApi,
    private readonly session: SessionState,
    private readonly feedback: Feedback,
  ) {
    this.element = h('div', { class: 'session-control' });
    session.subscribe(() => this.render());
    this.render();
  }

  /** Asks the server who this browser is (a session cookie from an earlier visit). */
  async load(): Promise<void> {
    try {
      this.session.set(await this.api.session());
    } catch {
      // A server without accounts (or one that is away) leaves the page read-only.
      this.session.set({ user: null, csrfToken: null });
    }
  }

  private render(): void {
    const user = this.session.user;
    if (!user) {
      clear(
        this.element,
        button(t.curation.signIn, () => this.openDialog(), { class: 'tool-button', id: 'sign-in' }),
      );
      return;
    }
    clear(
      this.element,
      h('span', { class: 'session-user', title: t.curation.signedInAs(user.name, t.curation.roles[user.role]) }, user.name),
      button(t.curation.signOut, () => void this.signOut(), {
        class: 'tool-button',
        id: 'sign-out',
        title: t.curation.signedInAs(user.name, t.curation.roles[user.role]),
      }),
    );
  }

  private async signOut(): Promise<void> {
    try {
      await this.feedback.track(t.curation.signingOut, this.api.signOut());
    } catch (err) {
      // Already gone on the server: the page forgets it all the same.
      if (!(err instanceof ApiError && err.status === 401)) {
        this.feedback.notify('error', errorMessage(err, t.curation.signingOut), 'session');
        return;
      }
    }
    this.session.set({ user: null, csrfToken: null });
    this.feedback.notify('info', t.curation.signedOut, 'session');
    this.element.querySelector<HTMLElement>('#sign-in')?.focus();
  }

  private openDialog(): void {
    const name = h('input', { id: 'sign-in-name', name: 'username', autocomplete: 'username', required: true, maxlength: 100 });
    const password = h('input', {
      id: 'sign-in-password',
      name: 'password',
      type: 'password',
      autocomplete: 'current-password',
      required: true,
    });
    const problem = h('p', { class: 'error-text', role: 'alert', id: 'sign-in-problem' });
    const submit = h('button', { type: 'submit', class: 'primary' }, t.curation.signIn);
    const form = h(
      'form',
      { class: 'sign-in-form' },
      h('label', { class: 'field', for: 'sign-in-name' }, h('span', { class: 'field-label' }, t.curation.name)),
      name,
      h('label', { class: 'field', for: 'sign-in-password' }, h('span', { class: 'field-label' }, t.curation.password)),
      password,
      problem,
      h(
        'div',
        { class: 'actions' },
        submit,
        button(t.curation.cancel, () => dialog.close()),
      ),
    );
    const dialog = h(
      'dialog',
      { class: 'sign-in-dialog', 'aria-labelledby': 'sign-in-title' },
      h('h2', { id: 'sign-in-title' }, t.curation.signInTitle),
      h('p', { class: 'muted' }, t.curation.signInWhy),
      form,
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void (async () => {
        submit.disabled = true;
        problem.textContent = '';
        try {
          const answer = await this.feedback.track(t.curation.signingIn, this.api.signIn(name.value.trim(), password.value));
          this.session.set({ user: answer.user, csrfToken: answer.csrfToken });
          dialog.close();
          this.feedback.notify('info', t.curation.signedInAs(answer.user.name, t.curation.roles[answer.user.role]), 'session');
        } catch (err) {
          problem.textContent =
            err instanceof ApiError && err.status === 401
              ? t.curation.wrongPassword
              : err instanceof ApiError && err.status === 403
                ? t.curation.accountDisabled
                : errorMessage(err, t.curation.signingIn);
          password.select();
        } finally {
          submit.disabled = false;
        }
      })();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      (this.element.querySelector<HTMLElement>('#sign-out') ?? this.element.querySelector<HTMLElement>('#sign-in'))?.focus();
    });
    document.body.append(dialog);
    dialog.showModal();
    name.focus();
  }
}
