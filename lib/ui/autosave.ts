/**
 * Debounced autosave for the weekly reflection note: saves after the person pauses typing,
 * immediately on flush (leaving the field or the page), never two saves at once, and always
 * the latest text. Reports an explicit state for the "Saved" indicator. Pure logic with an
 * injected save function and timer functions, so it is testable without a DOM.
 */
export type AutosaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  | { kind: 'error'; message: string };

export interface AutosaveOptions {
  save: (text: string) => Promise<void>;
  onStatus: (s: AutosaveStatus) => void;
  delayMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class Autosave {
  private timer: unknown = null;
  private latest: string | null = null;
  private lastSaved: string | null = null;
  private inFlight: Promise<void> | null = null;
  private readonly delay: number;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(
    private readonly o: AutosaveOptions,
    initial: string,
  ) {
    this.delay = o.delayMs ?? 800;
    this.now = o.now ?? Date.now;
    this.setTimer = o.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = o.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.lastSaved = initial;
  }

  /** The text that is known to be stored. */
  get saved(): string | null {
    return this.lastSaved;
  }

  /** True while there is text not yet stored. */
  get dirty(): boolean {
    return this.latest !== null && this.latest !== this.lastSaved;
  }

  /** The person typed: schedule a save after the pause. */
  change(text: string): void {
    this.latest = text;
    if (this.timer !== null) this.clearTimer(this.timer);
    if (text === this.lastSaved) {
      this.timer = null;
      this.o.onStatus({ kind: 'idle' });
      return;
    }
    this.o.onStatus({ kind: 'pending' });
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, this.delay);
  }

  /** Save now (blur, page hidden, week switch). Resolves once the latest text is stored or failed. */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
    if (this.inFlight) await this.inFlight.catch(() => undefined);
    const text = this.latest;
    if (text === null || text === this.lastSaved) return;
    this.o.onStatus({ kind: 'saving' });
    const run = this.o.save(text);
    this.inFlight = run;
    try {
      await run;
      this.lastSaved = text;
      this.o.onStatus(this.latest === text ? { kind: 'saved', at: this.now() } : { kind: 'pending' });
    } catch (err) {
      this.o.onStatus({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    } finally {
      if (this.inFlight === run) this.inFlight = null;
    }
    if (this.latest !== null && this.latest !== this.lastSaved && this.latest !== text) await this.flush();
  }

  dispose(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }
}
