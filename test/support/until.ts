/**
 * Polls `probe` every 100 ms until it gives a truthy value, which it returns; after
 * `timeoutMs` fails naming `what`, with what `explain` adds (the state to look at).
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false | 0>,
  timeoutMs = 20_000,
  explain?: () => Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${explain ? `\n${await explain()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
