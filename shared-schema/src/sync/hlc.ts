/**
 * Hybrid logical clock: `<ISO-8601 UTC with ms>-<4 hex counter>-<clientId>`, compared as strings.
 * Orders events causally even when device clocks disagree: a clock never runs behind anything it
 * has seen, so an edit made after seeing another one sorts after it.
 */
export interface HlcParts {
  readonly millis: number;
  readonly counter: number;
  readonly clientId: string;
}

const hlcPattern = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)-([0-9a-f]{4})-(.+)$/;

export function formatHlc({ millis, counter, clientId }: HlcParts): string {
  return `${new Date(millis).toISOString()}-${counter.toString(16).padStart(4, "0")}-${clientId}`;
}

/** The parts of an HLC string, or undefined when it is malformed. */
export function parseHlc(hlc: string): HlcParts | undefined {
  const m = hlcPattern.exec(hlc);
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  const millis = Date.parse(m[1]);
  return Number.isNaN(millis) ? undefined : { millis, counter: Number.parseInt(m[2], 16), clientId: m[3] };
}

export class HybridClock {
  #millis = 0;
  #counter = 0;

  constructor(
    readonly clientId: string,
    private readonly wallClock: () => number = Date.now,
  ) {}

  /** A new timestamp for a local event, later than every one before it. */
  now(): string {
    const wall = this.wallClock();
    if (wall > this.#millis) {
      this.#millis = wall;
      this.#counter = 0;
    } else {
      this.#counter += 1;
      if (this.#counter > 0xffff) {
        this.#millis += 1;
        this.#counter = 0;
      }
    }
    return formatHlc({ millis: this.#millis, counter: this.#counter, clientId: this.clientId });
  }

  /** Moves the clock past a timestamp seen from elsewhere (the server's, another device's). */
  receive(remote: string): void {
    const parts = parseHlc(remote);
    if (!parts) return;
    if (parts.millis > this.#millis || (parts.millis === this.#millis && parts.counter > this.#counter)) {
      this.#millis = parts.millis;
      this.#counter = parts.counter;
    }
  }
}
