import type { TFunction } from 'i18next';

/**
 * The preview's problems (the server's English sentences) in the current language; a sentence the
 * dashboard does not know is shown as the server wrote it.
 */
export function problemText(t: TFunction, problem: string): string {
  if (problem === 'The subject is empty') return t('templates.problems.emptySubject');
  if (problem === 'The body is empty') return t('templates.problems.emptyBody');
  const m = /^\{\{(\w+)\}\} is not a fact of \w+; use (.*)$/.exec(problem);
  if (m) return t('templates.problems.unknownPlaceholder', { name: `{{${m[1]}}}`, known: m[2] });
  return problem;
}
