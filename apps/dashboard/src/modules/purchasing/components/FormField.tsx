import type { ReactNode } from 'react';
import type { OutcomeMessage } from '../../../app/useMutationOutcome';
import { InlineMessage } from '../../../ui/States';

/** A labelled input with its hint, or its error in place of the hint (the input points at it with aria-describedby). */
export function FormField({
  id,
  label,
  required,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {children}
      {error ? (
        <span id={`${id}-msg`} className="field-error">
          {error}
        </span>
      ) : hint ? (
        <span id={`${id}-msg`} className="muted small">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/** The server's userErrors split by the input field they name (["input", "<field>", …]); the rest are general. */
export function splitFailures(failure: OutcomeMessage[] | null, fields: readonly string[]) {
  const byField: Record<string, string> = {};
  const general: OutcomeMessage[] = [];
  for (const f of failure ?? []) {
    const name = f.field?.[0] === 'input' ? f.field[1] : undefined;
    if (name && fields.includes(name) && !byField[name]) byField[name] = f.title;
    else general.push(f);
  }
  return { byField, general };
}

export function GeneralFailures({ failures }: { failures: OutcomeMessage[] }) {
  return (
    <>
      {failures.map((f, i) => (
        <InlineMessage key={i} tone="error" title={f.title} detail={f.detail} />
      ))}
    </>
  );
}
