/** Small pieces shared by the reliability specs: a GraphQL client over fetch, a seeded RNG, timing. */

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Reliability specs run under `run-tests.js reliability`, which sets TEST_DATABASE_URL. The unit
 * runner's file pattern (/(?<!int-)spec\.js$/) also matches *.rel-spec.js: there they skip instead of
 * loading the machine for minutes (or failing for want of a database).
 */
export const SKIP_OUTSIDE_RELIABILITY_RUN = process.env.TEST_DATABASE_URL
  ? false
  : 'reliability spec: run with `run-tests.js reliability`';

/** 'short' in `npm test` (about a minute per file), 'full' in `npm run test:reliability`. */
export const MODE: 'short' | 'full' = process.env.RELIABILITY === 'full' ? 'full' : 'short';

export interface GqlAnswer<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  text: string;
}

/**
 * One POST to /graphql. Network failures (refused, reset, timeout) throw; every HTTP answer is
 * returned, whatever its status, for the caller to judge.
 */
export async function gqlPost<T = any>(
  url: string,
  auth: string | null,
  query: string,
  variables?: Record<string, unknown>,
  timeoutMs = 30_000,
): Promise<GqlAnswer<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  try {
    const body = JSON.parse(text);
    return { status: res.status, data: body.data, errors: body.errors, text };
  } catch {
    return { status: res.status, errors: [{ message: `not JSON: ${text.slice(0, 200)}` }], text };
  }
}

/** Deterministic random numbers (mulberry32), so a failing run can be repeated with its seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** Integer in [min, max]. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

export function seedFromEnv(): number {
  return process.env.RELIABILITY_SEED ? Number(process.env.RELIABILITY_SEED) : Math.floor(Math.random() * 2 ** 31);
}

/** Prints the one-line summary docs/reliability.md is written from. */
export function printSummary(summary: Record<string, unknown>) {
  process.stdout.write(`RELIABILITY ${JSON.stringify(summary)}\n`);
}
