/**
 * A lifecycle as data, read top to bottom like Vendure's order process: the transition table, guards
 * that refuse a step with a reason, and named effects that a step brings about. Pure: the module that
 * owns the lifecycle carries the effects out (each effect name maps to one function there, so the
 * compiler finds a missing one) and writes the event row in the same transaction.
 */
export interface MachineSpec<S extends string, F, E extends string> {
  /** Names the thing in refusals: "An order" → "An order that is SHIPPED cannot become ON_HOLD". */
  subject: string;
  /** Each state lists the states it may move to; a state listing none is terminal. */
  transitions: { readonly [K in S]: readonly S[] };
  /** Checked for a step into the state once the table allows it: a reason to refuse, or null. */
  guards?: { readonly [K in S]?: (from: S, facts: F) => string | null };
  /** What a step into the state brings about, in order. */
  effects?: { readonly [K in S]?: readonly E[] };
}

export type Step<S extends string, E extends string> =
  { ok: true; from: S; to: S; effects: readonly E[] } | { ok: false; from: S; to: S; reason: string; illegal: boolean };

export interface Machine<S extends string, F, E extends string> {
  readonly subject: string;
  readonly states: readonly S[];
  readonly transitions: { readonly [K in S]: readonly S[] };
  /** Whether the table allows the step (guards not consulted). */
  can(from: S, to: S): boolean;
  /** The states `from` may move to. */
  next(from: S): readonly S[];
  isTerminal(state: S): boolean;
  /**
   * Decides one step: refused by the table (illegal) or by a guard (with its reason), or allowed with
   * the effects to carry out.
   */
  step(from: S, to: S, facts: F): Step<S, E>;
}

const NO_EFFECTS: readonly never[] = Object.freeze([]);

export function defineMachine<S extends string, F = undefined, E extends string = never>(
  spec: MachineSpec<S, F, E>,
): Machine<S, F, E> {
  const states = Object.keys(spec.transitions) as S[];
  for (const s of states) {
    for (const t of spec.transitions[s]) {
      if (!(t in spec.transitions))
        throw new Error(`${spec.subject}: ${s} → ${t} leads to a state the table does not declare`);
    }
  }
  for (const s of Object.keys(spec.guards ?? {}).concat(Object.keys(spec.effects ?? {}))) {
    if (!(s in spec.transitions))
      throw new Error(`${spec.subject}: a guard or effect names ${s}, which the table does not declare`);
  }
  const can = (from: S, to: S) => spec.transitions[from]?.includes(to) ?? false;
  return {
    subject: spec.subject,
    states,
    transitions: spec.transitions,
    can,
    next: (from) => spec.transitions[from],
    isTerminal: (state) => spec.transitions[state].length === 0,
    step(from, to, facts) {
      if (!can(from, to))
        return { ok: false, from, to, reason: `${spec.subject} that is ${from} cannot become ${to}`, illegal: true };
      const reason = spec.guards?.[to]?.(from, facts) ?? null;
      if (reason !== null) return { ok: false, from, to, reason, illegal: false };
      return { ok: true, from, to, effects: spec.effects?.[to] ?? NO_EFFECTS };
    },
  };
}
