/** The complaint page's path (global ids are URL-safe only once encoded). */
export const complaintPath = (id: string) => `/complaints/${encodeURIComponent(id)}`;
