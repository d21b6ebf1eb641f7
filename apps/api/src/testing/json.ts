/** Loosely typed JSON from the API under test (tests assert its shape explicitly). */
// biome-ignore lint/suspicious/noExplicitAny: test-side view of arbitrary response bodies
export type ApiJson = any;
