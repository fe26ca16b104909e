import { getIntrospectionQuery } from 'graphql';
import { LIMITS } from '../../src/common/limits';
import { judge, Reply } from './hostile-operations';

/**
 * Abusive clients for the throughput measurement: each kind sends one sort of request that the API must
 * refuse cheaply (validation limits, batching off, introspection off, login throttling, rate limits),
 * and legitimate clients whose throughput is measured with and without them.
 */

export interface AbuseKind {
  name: string;
  /** Own account (Bearer token) or anonymous from an address of its own. */
  auth: 'account' | 'anonymous';
  body: () => string;
  /** Extra headers (e.g. a forged token). */
  headers?: Record<string, string>;
  /**
   * Refused for the query's shape (depth, aliases, cost, directives, fragments, repetition, introspection,
   * batching): refusing it must cost the API much less than answering a legitimate request.
   */
  shape?: true;
}

const json = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

/** customers > edges > node > orders > edges > node > customer > orders > … : `depth` fields deep. */
function deepQuery(depth: number): string {
  const start = ['customers(first: 1)', 'edges', 'node'];
  const cycle = ['orders(first: 1)', 'edges', 'node', 'customer'];
  const path = [...start];
  for (let i = 0; path.length < depth - 1; i++) path.push(cycle[i % cycle.length]);
  return `{ ${path.map((f) => `${f} {`).join(' ')} __typename ${'} '.repeat(path.length)}}`;
}

/** Ten levels of fragments that each spread the next one twice: 2^10 expansions if anything walks them naively. */
function fragmentFanOut(levels: number): string {
  const frags = Array.from(
    { length: levels },
    (_, i) => `fragment F${i} on Query { ${i + 1 < levels ? `...F${i + 1} ...F${i + 1}` : 'me { email }'} }`,
  );
  return `query { ...F0 } ${frags.join(' ')}`;
}

const INTROSPECTION = getIntrospectionQuery();
let loginCounter = 0;

export function abuseKinds(victimEmails: string[]): AbuseKind[] {
  return [
    {
      name: `depth ${LIMITS.maxDepth * 3}`,
      auth: 'account',
      shape: true,
      body: () => json(deepQuery(LIMITS.maxDepth * 3)),
    },
    {
      name: '500 aliases',
      auth: 'account',
      shape: true,
      body: () => json(`{ ${Array.from({ length: 500 }, (_, i) => `a${i}: me { email }`).join(' ')} }`),
    },
    {
      name: 'cost (first: 100 nested)',
      auth: 'account',
      shape: true,
      body: () =>
        json(
          `{ customers(first: 100) { edges { node { orders(first: 100) { edges { node { number lines { sku quantity } allocations { sku } } } } } } } }`,
        ),
    },
    {
      name: 'batch of 100',
      auth: 'account',
      shape: true,
      body: () =>
        JSON.stringify(
          Array.from({ length: 100 }, () => ({ query: '{ orders(first: 100) { edges { node { number } } } }' })),
        ),
    },
    { name: '30,000 tokens', auth: 'account', body: () => json(`{ ${'__typename '.repeat(30_000)}}`) },
    {
      name: '3,900 repeated fields',
      auth: 'account',
      shape: true,
      body: () => json(`{ me { ${'email '.repeat(3_900)}} }`),
    },
    { name: 'fragment fan-out', auth: 'account', shape: true, body: () => json(fragmentFanOut(12)) },
    {
      name: '60 directives',
      auth: 'account',
      shape: true,
      body: () => json(`{ ${'__typename @include(if: true) '.repeat(60)}}`),
    },
    { name: 'introspection', auth: 'account', shape: true, body: () => json(INTROSPECTION) },
    {
      name: 'login with wrong passwords',
      auth: 'anonymous',
      body: () => {
        const n = loginCounter++;
        const email = n % 3 === 0 ? `nobody-${n}@example.com` : victimEmails[n % victimEmails.length];
        return json(`mutation($i: LoginInput!) { login(input: $i) { token userErrors { code } } }`, {
          i: { email, password: `wrong-${n}` },
        });
      },
    },
    {
      name: 'forged tokens',
      auth: 'anonymous',
      body: () => json(`{ orders(first: 100) { edges { node { number } } } }`),
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged' },
    },
  ];
}

/** An abusive request counts as refused when it got a 4xx, a typed GraphQL error and no data, or a failed sign-in. */
export function refused(reply: Reply, body: string): { refused: boolean; outcome: string; problems: string[] } {
  const verdict = judge(reply, body, true);
  if (reply.status >= 400 && reply.status < 500)
    return { refused: true, outcome: verdict.outcome, problems: verdict.problems };
  let parsed: any;
  try {
    parsed = JSON.parse(reply.text);
  } catch {
    return { refused: false, outcome: verdict.outcome, problems: verdict.problems };
  }
  const errors =
    Array.isArray(parsed?.errors) &&
    parsed.errors.length > 0 &&
    parsed.errors.every((e: any) => typeof e?.extensions?.code === 'string');
  const noData = parsed?.data === undefined || parsed?.data === null;
  const login = parsed?.data?.login;
  const failedLogin = login && login.token === null && login.userErrors?.length > 0;
  return { refused: (errors && noData) || !!failedLogin, outcome: verdict.outcome, problems: verdict.problems };
}
