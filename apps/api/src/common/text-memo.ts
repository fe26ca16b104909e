/**
 * A Map keyed by text that callers send (query texts, variables), bounded by the bytes of its keys
 * rather than by their number: many small keys fit, a few huge ones cannot hold megabytes. When full it
 * forgets the oldest keys first; a key longer than `maxKeyBytes` is not kept at all.
 */
export class TextMemo<V> {
  private readonly entries = new Map<string, V>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly maxKeyBytes = maxBytes / 16,
  ) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    const size = bytesOf(key);
    if (size > this.maxKeyBytes) return;
    if (!this.entries.has(key)) {
      this.bytes += size;
      while (this.bytes > this.maxBytes) {
        const oldest = this.entries.keys().next().value as string;
        this.entries.delete(oldest);
        this.bytes -= bytesOf(oldest);
      }
    }
    this.entries.set(key, value);
  }
}

/** Two bytes per UTF-16 code unit: at most what the engine keeps for the string. */
function bytesOf(text: string): number {
  return text.length * 2;
}
