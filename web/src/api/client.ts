// The one place the web app talks HTTP: typed calls, JSON errors turned into ApiError, and a
// patient retry when the database is briefly away (503) or the client is going too fast (429).
import type { FigureRequestBody } from '../../../server/figure/build.ts';
import type {
  ChainDirection,
  CommonResult,
  CytoscapeExport,
  Direction,
  ErrorBody,
  ExportFormat,
  GraphSchema,
  Health,
  MandateChain,
  Neighborhood,
  NodeDetail,
  NodeLabel,
  PathsResult,
  RelationshipType,
  RepresentationResult,
  SearchResult,
} from './types.ts';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Array<{ path: string; message: string }> = [],
    readonly retryAfterSeconds: number | null = null,
    /** The error object as the server sent it: a 409 carries the current state here. */
    readonly body: Record<string, unknown> | null = null,
  ) {
    super(message);
  }
}

export class AbortedError extends Error {
  override name = 'AbortedError';
}

export interface RetryNotice {
  attempt: number;
  of: number;
  error: ApiError;
  waitMs: number;
}

export interface ClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Attempts for 503, 429 and network failures (the first try included). */
  attempts?: number;
  /** Told before each wait, so the UI can say "retrying". */
  onRetry?: (notice: RetryNotice) => void;
  /** Told when a request that had to be retried ends, well or not. */
  onRetryEnd?: (ok: boolean) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Applied to every JSON answer (the app puts names in the reader's language here). */
  transform?: <T>(body: T) => T;
  /** Added to every question's query: the language of summaries, "stated only". */
  answerParams?: () => Record<string, string | undefined>;
  /** The session's CSRF token, sent as X-CSRF-Token on every POST (docs/curation.md). */
  csrfToken?: () => string | null;
  /** "As recorded at" a version or moment: sent with every read of the graph while set. */
  recordedAt?: () => string | null;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface NeighborhoodOptions extends CallOptions {
  depth?: number;
  labels?: NodeLabel[];
  types?: RelationshipType[];
  direction?: Direction;
  asOf?: string | null;
  limit?: number;
}

export interface PathsOptions extends CallOptions {
  types?: RelationshipType[];
  maxDepth?: number;
  directed?: boolean;
  asOf?: string | null;
  limit?: number;
}

export interface RepresentationQuery extends CallOptions {
  agent?: string | null;
  principal?: string | null;
  forum?: string | null;
  capacity?: string | null;
  asOf?: string | null;
}

export interface ExportRequest {
  format: ExportFormat;
  ids?: string[];
  types?: RelationshipType[];
  asOf?: string | null;
}

export interface DownloadedFile {
  filename: string;
  blob: Blob;
}

const RETRYABLE = new Set([0, 429, 502, 503, 504]);

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new AbortedError('aborted'));
    });
  });
}

/** Query string from defined, non-empty values; lists are comma-joined as the API expects. */
export function queryString(params: Record<string, string | number | boolean | string[] | null | undefined>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(v.join(','))}`);
    } else parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

export class ApiClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly attempts: number;
  private readonly onRetry: (notice: RetryNotice) => void;
  private readonly onRetryEnd: (ok: boolean) => void;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly transform: <T>(body: T) => T;
  private readonly answerParams: () => Record<string, string | undefined>;
  private readonly csrfToken: () => string | null;
  private readonly recordedAt: () => string | null;

  constructor(options: ClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    // Bound so that a bare `fetch` keeps its `this` (window) when called later.
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.attempts = options.attempts ?? 4;
    this.onRetry = options.onRetry ?? (() => undefined);
    this.onRetryEnd = options.onRetryEnd ?? (() => undefined);
    this.sleep = options.sleep ?? defaultSleep;
    this.transform = options.transform ?? ((b) => b);
    this.answerParams = options.answerParams ?? (() => ({}));
    this.csrfToken = options.csrfToken ?? (() => null);
    this.recordedAt = options.recordedAt ?? (() => null);
  }

  /** The question's own parameters and the reader's (language, stated only, recorded at). */
  private readParams(): Record<string, string | undefined> {
    return { ...this.answerParams(), recordedAt: this.recordedAt() ?? undefined };
  }

  /**
   * A call of the curation API (features/session, edit, history, compare): JSON in, JSON out.
   * Writes are tried once: a change set sent twice after a lost answer could apply twice.
   */
  async call<T>(method: 'GET' | 'POST', path: string, body?: unknown, opts: CallOptions = {}): Promise<T> {
    const res = await this.request(method, path, body, opts, method === 'GET');
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  health(opts: CallOptions = {}): Promise<Health> {
    return this.json('GET', '/api/health', undefined, opts);
  }

  schema(opts: CallOptions = {}): Promise<GraphSchema> {
    return this.json('GET', '/api/schema', undefined, opts);
  }

  search(q: string, opts: CallOptions & { labels?: NodeLabel[]; limit?: number } = {}): Promise<SearchResult> {
    return this.json(
      'GET',
      `/api/search${queryString({ q, labels: opts.labels, limit: opts.limit, recordedAt: this.recordedAt() })}`,
      undefined,
      opts,
    );
  }

  node(id: string, opts: CallOptions = {}): Promise<NodeDetail> {
    return this.json('GET', `/api/nodes/${encodeURIComponent(id)}${queryString({ recordedAt: this.recordedAt() })}`, undefined, opts);
  }

  neighborhood(id: string, opts: NeighborhoodOptions = {}): Promise<Neighborhood> {
    const q = queryString({
      depth: opts.depth,
      labels: opts.labels,
      types: opts.types,
      direction: opts.direction,
      asOf: opts.asOf,
      limit: opts.limit,
      ...this.readParams(),
    });
    return this.json('GET', `/api/nodes/${encodeURIComponent(id)}/neighborhood${q}`, undefined, opts);
  }

  paths(from: string, to: string, opts: PathsOptions = {}): Promise<PathsResult> {
    const q = queryString({
      from,
      to,
      types: opts.types,
      maxDepth: opts.maxDepth,
      directed: opts.directed,
      asOf: opts.asOf,
      limit: opts.limit,
      ...this.readParams(),
    });
    return this.json('GET', `/api/paths${q}`, undefined, opts);
  }

  mandateChain(id: string, direction: ChainDirection, opts: CallOptions & { asOf?: string | null } = {}): Promise<MandateChain> {
    return this.json(
      'GET',
      `/api/nodes/${encodeURIComponent(id)}/mandate-chain${queryString({ direction, asOf: opts.asOf, ...this.readParams() })}`,
      undefined,
      opts,
    );
  }

  /** What two nodes share: forums, partners, anything tied to both. */
  common(a: string, b: string, opts: CallOptions & { asOf?: string | null } = {}): Promise<CommonResult> {
    return this.json(
      'GET',
      `/api/nodes/${encodeURIComponent(a)}/common${queryString({ with: b, asOf: opts.asOf, ...this.readParams() })}`,
      undefined,
      opts,
    );
  }

  representation(query: RepresentationQuery): Promise<RepresentationResult> {
    const q = queryString({
      agent: query.agent,
      principal: query.principal,
      forum: query.forum,
      capacity: query.capacity,
      asOf: query.asOf,
      ...this.readParams(),
    });
    return this.json('GET', `/api/representation${q}`, undefined, query);
  }

  /**
   * The nodes with these ids and every relationship among them, as Cytoscape elements. It is
   * the export endpoint's Cytoscape format, so the canvas and an export of it always agree.
   */
  async subgraph(ids: string[], opts: CallOptions = {}): Promise<CytoscapeExport['elements']> {
    if (ids.length === 0) return { nodes: [], edges: [] };
    const recordedAt = this.recordedAt();
    const body = await this.json<CytoscapeExport>(
      'POST',
      '/api/export',
      { format: 'cytoscape', ids, ...this.exportLang(), ...(recordedAt ? { recordedAt } : {}) },
      opts,
    );
    return body.elements;
  }

  /** The reader's language, for the citations inside an export's texts. */
  private exportLang(): { lang?: 'en' | 'sv' } {
    const lang = this.answerParams().lang;
    return lang === 'en' || lang === 'sv' ? { lang } : {};
  }

  /** A file from POST /api/export, with the name the server gave it. */
  async exportFile(req: ExportRequest, opts: CallOptions = {}): Promise<DownloadedFile> {
    const body: Record<string, unknown> = { format: req.format, ...this.exportLang() };
    if (req.ids) body.ids = req.ids;
    if (req.types?.length) body.types = req.types;
    if (req.asOf) body.asOf = req.asOf;
    const recordedAt = this.recordedAt();
    if (recordedAt) body.recordedAt = recordedAt;
    const res = await this.request('POST', '/api/export', body, opts);
    const header = res.headers.get('X-Export-Filename') ?? res.headers.get('Content-Disposition') ?? '';
    const filename = /filename="?([^";]+)"?/.exec(header)?.[1] ?? header.trim() ?? '';
    return { filename: filename || `mandate-explorer.${req.format}`, blob: await res.blob() };
  }

  /** A figure for a report from POST /api/figure (the PDF is drawn on the server). */
  async figureFile(body: FigureRequestBody, opts: CallOptions = {}): Promise<DownloadedFile> {
    const recordedAt = this.recordedAt();
    const res = await this.request('POST', '/api/figure', recordedAt ? { ...body, recordedAt } : body, opts);
    const header = res.headers.get('X-Export-Filename') ?? '';
    return { filename: header || `mandate-explorer-figure.${body.format}`, blob: await res.blob() };
  }

  private async json<T>(method: 'GET' | 'POST', path: string, body: unknown, opts: CallOptions): Promise<T> {
    const res = await this.request(method, path, body, opts);
    return this.transform((await res.json()) as T);
  }

  private async request(method: 'GET' | 'POST', path: string, body: unknown, opts: CallOptions, retry = true): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const csrf = method === 'POST' ? this.csrfToken() : null;
    if (csrf) headers['X-CSRF-Token'] = csrf;
    // Errors come back in the reader's language (server/error-words.ts).
    const lang = this.answerParams().lang;
    if (lang) headers['Accept-Language'] = lang;
    for (let attempt = 1; ; attempt++) {
      let error: ApiError;
      try {
        const res = await this.fetchImpl(this.baseUrl + path, {
          method,
          headers,
          body: body === undefined ? null : JSON.stringify(body),
          signal: opts.signal ?? null,
        });
        if (res.ok) {
          if (attempt > 1) this.onRetryEnd(true);
          return res;
        }
        error = await errorFrom(res);
      } catch (err) {
        if (opts.signal?.aborted || (err as Error).name === 'AbortError') throw new AbortedError('aborted');
        if (err instanceof ApiError) error = err;
        else error = new ApiError(0, 'NETWORK', 'The server could not be reached.');
      }
      if (!retry || !RETRYABLE.has(error.status) || attempt >= this.attempts) {
        if (attempt > 1) this.onRetryEnd(false);
        throw error;
      }
      const backoff = 500 * 2 ** (attempt - 1);
      const waitMs = Math.min(10_000, error.retryAfterSeconds !== null ? error.retryAfterSeconds * 1000 : backoff);
      this.onRetry({ attempt, of: this.attempts, error, waitMs });
      await this.sleep(waitMs, opts.signal);
    }
  }
}

async function errorFrom(res: Response): Promise<ApiError> {
  const retryAfter = Number(res.headers.get('Retry-After'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  try {
    const body = (await res.json()) as Partial<ErrorBody>;
    if (body.error && typeof body.error.message === 'string') {
      return new ApiError(
        res.status,
        body.error.code ?? 'ERROR',
        body.error.message,
        body.error.details ?? [],
        retryAfterSeconds,
        body.error as Record<string, unknown>,
      );
    }
  } catch {
    // Not JSON (a proxy's HTML page, say): fall through to a message from the status.
  }
  return new ApiError(res.status, `HTTP_${res.status}`, res.statusText || `HTTP ${res.status}`, [], retryAfterSeconds);
}
