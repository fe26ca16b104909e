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
  Source,
  TokenKind,
  ValidationRule,
  visit,
} from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from './connection';
import { TextMemo } from './text-memo';

/** What one request may ask for. Legitimate dashboard and integrator queries stay well inside. */
export const LIMITS = {
  maxDepth: 12,
  maxAliases: 20,
  maxTokens: 4000,
  maxDirectives: 10,
  /** Cost: 1 per field; a connection multiplies its contents by `first`; other lists by 10. */
  maxCost: 25_000,
};

/** Plain lists (lines, allocations, events of an order) are short; this is their assumed length. */
const LIST_LENGTH_ESTIMATE = 10;

const estimator: ComplexityEstimator = ({ field, type, args, childComplexity }) => {
  const returns = getNullableType(field.type);
  if (getNamedType(returns).name.endsWith('Connection'))
    return 1 + childComplexity * (typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE);
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
  let problem: string | null = null;
  visit(document, {
    StringValue(node) {
      problem = textProblem(node.value);
      return problem ? BREAK : undefined;
    },
  });
  const pending: unknown[] = [variables];
  while (!problem && pending.length) {
    const v = pending.pop();
    if (typeof v === 'string') problem = textProblem(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) pending.push(x);
  }
  if (problem) throw new GraphQLError(problem, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
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
 * The token cap and the cost limit, for HTTP and graphql-ws alike, remembering what they found:
 * clients repeat the same few queries, so a query text is lexed once and an operation with its
 * variables costed once. One per server; what it remembers is bounded in bytes (see TextMemo).
 */
export class QueryLimits {
  /** Query texts within the token cap. */
  private readonly withinTokens = new TextMemo<true>(2 * 1024 * 1024, 128 * 1024);
  /** Cost (null: not charged) by operation name, variables and query text. */
  private readonly costs = new TextMemo<number | null>(4 * 1024 * 1024, 128 * 1024);

  constructor(private readonly schema: GraphQLSchema) {}

  /** Refuses a query of more than LIMITS.maxTokens tokens before anything parses it. */
  assertWithinTokens(query: string): void {
    if (this.withinTokens.get(query)) return;
    if (tooManyTokens(query))
      throw new GraphQLError(`Query has more than ${LIMITS.maxTokens} tokens`, {
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    this.withinTokens.set(query, true);
  }

  /** Refuses an operation costing more than LIMITS.maxCost (QUERY_TOO_COMPLEX, HTTP 400). */
  assertWithinCost(
    query: string,
    document: DocumentNode,
    variables: Record<string, unknown> | undefined | null,
    operationName: string | undefined | null,
  ): void {
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}\u0000${query}`;
    let cost = this.costs.get(key);
    if (cost === undefined)
      this.costs.set(key, (cost = costOf(this.schema, document, variables ?? undefined, operationName ?? undefined)));
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
