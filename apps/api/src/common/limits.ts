import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  BREAK,
  DocumentNode,
  getNamedType,
  GraphQLError,
  GraphQLSchema,
  isListType,
  getNullableType,
  Kind,
  Lexer,
  parse,
  OperationDefinitionNode,
  Source,
  TokenKind,
  validate,
  ValidationRule,
  visit,
} from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addressKey } from './client-address';
import { DEFAULT_PAGE_SIZE } from './connection';
import { SharedBudget } from './shared-budget';
import { TextMemo } from './text-memo';

/** What one request may ask for. Legitimate dashboard and integrator queries stay well inside. */
export const LIMITS = {
  maxDepth: 12,
  maxAliases: 20,
  maxTokens: 4000,
  maxDirectives: 10,
  /** Cost: 1 per field; a connection multiplies its contents by `first`; other lists by 10. */
  maxCost: 25_000,
  /**
   * All variables of one operation, as JSON: room for a proof-of-delivery image (at most 512 KiB,
   * 683 KiB as base64) and nothing much larger; the request body stays within MAX_BODY_BYTES (1 MiB).
   */
  maxVariablesBytes: 720 * 1024,
  /** Open subscriptions on one graphql-ws connection. */
  maxSubscriptionsPerConnection: 50,
  /**
   * Characters of a subscription's query text: a subscription keeps its text (and document) for as long
   * as it is open, so comments and whitespace, which the token cap does not count, are limited too.
   */
  maxSubscriptionQueryLength: 16 * 1024,
};

/** The only argument the estimator reads (below): a variable anywhere else cannot change a cost. */
const COSTED_ARGUMENT = 'first';

/** Plain lists (lines, allocations, events of an order) are short; this is their assumed length. */
const LIST_LENGTH_ESTIMATE = 10;

/**
 * Cost: a field may declare its own weight beside it (type-graphql's `complexity` option, kept in the
 * field's extensions) when it does much more work than one field, e.g. a root field that runs several
 * aggregates; its selections are added to it.
 */
const estimator: ComplexityEstimator = ({ field, type, args, childComplexity }) => {
  const weight = (field.extensions as { complexity?: unknown } | undefined)?.complexity;
  if (typeof weight === 'number') return weight + childComplexity;
  const returns = getNullableType(field.type);
  if (getNamedType(returns).name.endsWith('Connection'))
    return (
      1 + childComplexity * (typeof args[COSTED_ARGUMENT] === 'number' ? args[COSTED_ARGUMENT] : DEFAULT_PAGE_SIZE)
    );
  // A connection's edges were multiplied at the connection itself.
  if (isListType(returns) && !type.name.endsWith('Connection')) return 1 + childComplexity * LIST_LENGTH_ESTIMATE;
  return 1 + childComplexity;
};

export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [estimator] });
}

/** Introspection has its own switch (INTROSPECTION); its standard query is large but cheap to answer. */
function introspectionOnly(document: DocumentNode): boolean {
  return document.definitions.every(
    (d) =>
      d.kind !== Kind.OPERATION_DEFINITION ||
      d.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__')),
  );
}

const variablesCost = new WeakMap<DocumentNode, boolean>();

/**
 * Whether the variables can change the document's cost: only through the costed argument or a
 * directive (@include, @skip). A mutation's input does neither, so each new order is not costed anew.
 */
export function costDependsOnVariables(document: DocumentNode): boolean {
  let depends = variablesCost.get(document);
  if (depends === undefined) {
    depends = false;
    visit(document, {
      Variable(_node, _key, parent, _path, ancestors) {
        const costed = [...ancestors, parent].some(
          (a) =>
            !!a &&
            'kind' in a &&
            (a.kind === Kind.DIRECTIVE || (a.kind === Kind.ARGUMENT && a.name.value === COSTED_ARGUMENT)),
        );
        if (!costed) return undefined;
        depends = true;
        return BREAK;
      },
    });
    variablesCost.set(document, depends);
  }
  return depends;
}

/** The cost of an operation, or null when it is not charged (introspection) or cannot be worked out. */
function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number | null {
  if (introspectionOnly(document)) return null;
  try {
    return queryCost(schema, document, variables ?? {}, operationName);
  } catch {
    return null; // Variables that do not fit the operation: execution refuses them with a clear error.
  }
}

/** An unpaired UTF-16 surrogate: not Unicode text (validators throw on it, PostgreSQL would store U+FFFD). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'Text must not contain NUL characters (U+0000)';
  if (LONE_SURROGATE.test(s)) return 'Text must be valid Unicode (it has an unpaired surrogate)';
  return null;
}

/** Each parsed document's text problem (null: none): Apollo keeps one document per query text, so it is walked once. */
const documentTextProblems = new WeakMap<DocumentNode, string | null>();

/**
 * PostgreSQL text cannot hold NUL (U+0000), and unpaired surrogates are not text at all (class-validator's
 * e-mail check throws on them): a string argument or variable with either is refused up front with a
 * clear error instead of failing deeper. Variables are walked without recursion (a client may send JSON
 * nested thousands of levels deep).
 */
export function assertWellFormedText(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined | null,
): void {
  let problem = documentTextProblems.get(document);
  if (problem === undefined) {
    let found: string | null = null;
    visit(document, {
      StringValue(node) {
        found = textProblem(node.value);
        return found ? BREAK : undefined;
      },
    });
    documentTextProblems.set(document, (problem = found));
  }
  const pending: unknown[] = [variables];
  while (!problem && pending.length) {
    const v = pending.pop();
    if (typeof v === 'string') problem = textProblem(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) pending.push(x);
  }
  if (problem) throw new GraphQLError(problem, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
}

/**
 * Refuses variables larger than LIMITS.maxVariablesBytes as JSON. `variables` is the parsed object, or
 * the JSON text as it arrived (GET). A request body within the limit cannot hold larger variables, so
 * callers may skip the check for small bodies.
 */
export function assertVariablesWithinSize(variables: unknown): void {
  if (variables === undefined || variables === null) return;
  const bytes = Buffer.byteLength(typeof variables === 'string' ? variables : (JSON.stringify(variables) ?? ''));
  if (bytes > LIMITS.maxVariablesBytes)
    throw badInput(`Variables take ${bytes} bytes as JSON; at most ${LIMITS.maxVariablesBytes} are accepted`);
}

/**
 * Refuses variables the operation does not declare: graphql-js would ignore them, but they would still
 * be carried (and remembered by whatever keys on the variables) for nothing.
 */
export function assertDeclaredVariables(
  operation: OperationDefinitionNode | null | undefined,
  variables: Record<string, unknown> | undefined | null,
): void {
  if (!operation || !variables) return;
  const declared = new Set((operation.variableDefinitions ?? []).map((d) => d.variable.name.value));
  const undeclared = Object.keys(variables).filter((name) => !declared.has(name));
  if (undeclared.length) {
    const names = undeclared.slice(0, 5).map((n) => `$${n.length > 64 ? `${n.slice(0, 64)}…` : n}`);
    throw badInput(
      `Variable${undeclared.length > 1 ? 's' : ''} ${names.join(', ')}${undeclared.length > 5 ? ` and ${undeclared.length - 5} more` : ''} ` +
        `${undeclared.length > 1 ? 'are' : 'is'} not declared by operation ${operation.name?.value ?? '(anonymous)'}`,
    );
  }
}

/**
 * True when a query has more tokens than allowed. Checked before parsing (one pass of the lexer), so
 * a huge query is refused before any work is done on it; syntax errors are left to the parser.
 */
export function tooManyTokens(query: string): boolean {
  const lexer = new Lexer(new Source(query));
  try {
    for (let n = 0; lexer.advance().kind !== TokenKind.EOF; n++) if (n >= LIMITS.maxTokens) return true;
  } catch {
    return false;
  }
  return false;
}

/**
 * The token cap, the structural limits (depth, aliases, directives) and the cost limit, for HTTP and
 * graphql-ws alike, remembering what they found: clients repeat the same few queries, so a query text
 * is screened once and an operation costed once (with its variables where they change the cost), and
 * an abusive text sent again is refused from memory. What it remembers is bounded in bytes (see
 * TextMemo), and a long text is remembered by its hash, so each entry is small whatever the caller sent.
 */
export class QueryLimits {
  /** Query texts screened: true when within the limits, else the refusal to repeat. */
  private readonly screened = new TextMemo<true | string>(4 * 1024 * 1024, 128 * 1024);
  /** Cost (null: not charged) by operation name, query text and, where they change it, variables. */
  private readonly costs = new TextMemo<number | null>(4 * 1024 * 1024, 128 * 1024);

  /** `structureRules`: the depth, alias and directive rules (armorRules), run here before any other validation. */
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly structureRules: readonly ValidationRule[],
  ) {}

  /**
   * Refuses a query over the token cap (one pass of the lexer, before anything parses it) or over the
   * depth, alias or directive limits (a parse and those rules alone), before full validation: refusing
   * costs less than answering, and nothing at all the second time. Syntax errors are left to the parser.
   */
  screen(query: string, signedIn: boolean): void {
    const key = memoKey(query);
    let verdict = this.screened.get(key);
    if (verdict === undefined) this.screened.set(key, (verdict = this.refusalOf(query) ?? true));
    if (verdict === true) return;
    // Field suggestions would let an anonymous caller map the schema (as in maskError).
    const message = signedIn ? verdict : verdict.replace(/ Did you mean .+\?$/, '');
    throw new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  }

  /**
   * A text full validation refused (unknown fields, introspection when it is off, anything): validation
   * depends on the text alone, so screen() refuses it from memory next time, before anything parses it.
   */
  rememberRefusal(query: string, message: string): void {
    this.screened.set(memoKey(query), message);
  }

  private refusalOf(query: string): string | null {
    if (tooManyTokens(query)) return `Query has more than ${LIMITS.maxTokens} tokens`;
    if (!this.structureRules.length) return null;
    let document: DocumentNode;
    try {
      document = parse(query, { noLocation: true });
    } catch {
      return null;
    }
    const [refusal] = validate(this.schema, document, this.structureRules);
    return refusal?.message ?? null;
  }

  /** Refuses an operation costing more than LIMITS.maxCost (QUERY_TOO_COMPLEX, HTTP 400). */
  assertWithinCost(
    query: string,
    document: DocumentNode,
    variables: Record<string, unknown> | undefined | null,
    operationName: string | undefined | null,
  ): void {
    const costed = costDependsOnVariables(document) ? JSON.stringify(variables ?? {}) : '';
    const key = memoKey(`${operationName ?? ''}\u0000${costed}\u0000${query}`);
    let cost = this.costs.get(key);
    if (cost === undefined) {
      cost = costOf(this.schema, document, variables ?? undefined, operationName ?? undefined);
      // Not worked out for these variables (they do not fit): other variables may, so not remembered for all.
      if (cost !== null || costed) this.costs.set(key, cost);
    }
    if (cost !== null && cost > LIMITS.maxCost) {
      throw new GraphQLError(
        `Query cost ${cost} exceeds the limit of ${LIMITS.maxCost}; ask for smaller pages or fewer nested lists`,
        {
          extensions: { code: 'QUERY_TOO_COMPLEX', cost, limit: LIMITS.maxCost, http: { status: 400 } },
        },
      );
    }
  }
}

/** Keys longer than this are remembered by their SHA-256 instead: an entry then costs the same whatever the text. */
const LONG_KEY = 512;

function memoKey(text: string): string {
  return text.length <= LONG_KEY ? text : `sha256:${createHash('sha256').update(text).digest('base64')}`;
}

/**
 * The rate limits, one instance per server for HTTP and graphql-ws alike, so that both together share
 * one budget a minute: per signed-in caller (user or API key), and per client address (an IPv6 /64) for
 * anonymous requests, failed credentials and WebSocket connections that never signed in. The counters
 * are shared by every API process on every machine through PostgreSQL (see SharedBudget for how
 * without a statement per request).
 */
export class RateLimits {
  private readonly perCaller: SharedBudget;
  private readonly perAddress: SharedBudget;

  constructor(ds: DataSource, perCallerPerMinute: number, perAddressPerMinute: number) {
    this.perCaller = new SharedBudget(ds, 'caller', perCallerPerMinute);
    this.perAddress = new SharedBudget(ds, 'address', perAddressPerMinute);
  }

  /** Counts a request of a signed-in caller: null when within the budget, else the seconds to wait. */
  caller(principalId: string): Promise<number | null> {
    return this.perCaller.consume(principalId);
  }

  /** Counts a request of an anonymous caller or a failed credential from this address: as caller(). */
  address(ip: string | null): Promise<number | null> {
    return this.perAddress.consume(addressKey(ip));
  }

  /** Without counting: the seconds until this address may try again when it used its budget, else null. */
  addressBlocked(ip: string | null): Promise<number | null> {
    return this.perAddress.blocked(addressKey(ip));
  }

  /** Adds what was counted in memory to the shared counters (before the data source closes). */
  async stop(): Promise<void> {
    await Promise.all([this.perCaller.stop(), this.perAddress.stop()]);
  }
}

/** The refusal of a request over its rate limit, as a GraphQL error (graphql-ws; HTTP answers 429 itself). */
export function rateLimited(seconds: number): GraphQLError {
  return new GraphQLError(`Too many requests; retry in ${seconds} s`, {
    extensions: { code: 'RATE_LIMITED', retryAfter: seconds },
  });
}

/** graphql-armor's depth, alias and directive limits as validation rules (tokens and cost: above). */
export function armorRules(): ValidationRule[] {
  return new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    maxAliases: { n: LIMITS.maxAliases },
    maxTokens: { enabled: false },
    maxDirectives: { n: LIMITS.maxDirectives },
    costLimit: { enabled: false },
    // Suggestions are hidden from anonymous callers only; see maskError.
    blockFieldSuggestion: { enabled: false },
  }).protect().validationRules;
}
