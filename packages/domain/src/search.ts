/**
 * How long a search's text may be: a shorter pattern cannot use a trigram index (it would read every
 * row), a longer one is no search, only work.
 */
export const SEARCH_LENGTH = { min: 3, max: 64 } as const;

/** True when `text` is long enough to be searched for (counted in characters, not UTF-16 units). */
export function searchable(text: string): boolean {
  return [...text.trim()].length >= SEARCH_LENGTH.min;
}
