/**
 * The last lines a child process wrote, kept so that when it fails we can say
 * why in its own words instead of "it exited".
 */
export class LogTail {
  private readonly lines: string[] = [];

  constructor(private readonly size = 20) {}

  push(chunk: unknown): void {
    const text = chunk instanceof Error ? chunk.message : String(chunk);
    for (const line of text.split(/\r?\n/)) {
      if (!line.trim()) continue;
      this.lines.push(line.trimEnd());
      if (this.lines.length > this.size) this.lines.shift();
    }
  }

  clear(): void {
    this.lines.length = 0;
  }

  /** The last line PostgreSQL marked as a failure (a HINT or DETAIL often follows it), else the last line. */
  lastFailure(): string | undefined {
    return this.lines.findLast((line) => /\b(FATAL|PANIC|ERROR):/.test(line)) ?? this.lines.at(-1);
  }

  text(): string {
    return this.lines.map((line) => `  ${line}`).join('\n');
  }
}
