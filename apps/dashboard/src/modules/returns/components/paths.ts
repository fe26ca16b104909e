/** The return page's path (global ids are URL-safe only once encoded). */
export const returnPath = (id: string) => `/returns/${encodeURIComponent(id)}`;
