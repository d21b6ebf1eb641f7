/** Polls until `read` returns something other than undefined (jobs run in the background). */
export async function waitFor<T>(
  read: () => Promise<T | undefined> | T | undefined,
  ms = 20_000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
