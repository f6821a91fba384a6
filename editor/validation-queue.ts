// When each open document is validated: after a quiet time following edits (debounce), at
// once on open and save, one validation at a time per document. An edit during a run marks
// the document dirty: the stale result is dropped and the newest text validated next.

export interface QueuedDocument {
  readonly uri: string;
  readonly text: string;
  readonly version: number;
}

interface DocumentState {
  latest: QueuedDocument;
  timer?: NodeJS.Timeout;
  running: boolean;
  dirty: boolean;
}

export class ValidationQueue<R> {
  private readonly documents = new Map<string, DocumentState>();
  private readonly runs = new Set<Promise<void>>();

  constructor(
    private readonly run: (document: QueuedDocument) => Promise<R>,
    private readonly publish: (document: QueuedDocument, result: R) => void,
    private readonly onError: (document: QueuedDocument, error: unknown) => void,
  ) {}

  /** The document's newest text, validated after `delayMs` of quiet (0: at once). */
  update(document: QueuedDocument, delayMs: number): void {
    const state = this.documents.get(document.uri) ?? { latest: document, running: false, dirty: false };
    state.latest = document;
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      delete state.timer;
      this.start(document.uri);
    }, delayMs);
    this.documents.set(document.uri, state);
  }

  /** The newest text known for `uri`, if it is open. */
  latest(uri: string): QueuedDocument | undefined {
    return this.documents.get(uri)?.latest;
  }

  /** Forgets the document: a pending run is cancelled and a running one is not published. */
  close(uri: string): void {
    const state = this.documents.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    this.documents.delete(uri);
  }

  /** Resolves when no validation is running (for shutdown). */
  async idle(): Promise<void> {
    for (const state of this.documents.values()) if (state.timer) clearTimeout(state.timer);
    await Promise.allSettled([...this.runs]);
  }

  private start(uri: string): void {
    const state = this.documents.get(uri);
    if (!state) return;
    if (state.running) {
      state.dirty = true;
      return;
    }
    state.running = true;
    state.dirty = false;
    const document = state.latest;
    const run = this.run(document)
      .then(
        (result) => {
          if (this.documents.get(uri) === state && !state.dirty) this.publish(document, result);
        },
        (error: unknown) => this.onError(document, error),
      )
      .finally(() => {
        state.running = false;
        this.runs.delete(run);
        if (state.dirty && this.documents.get(uri) === state) this.start(uri);
      });
    this.runs.add(run);
  }
}
