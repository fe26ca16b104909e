/** The signed-in token, kept across reloads and shared by the tabs of this browser. */
export interface StoredToken {
  token: string;
  expiresAt: string;
}

const KEY = 'fulfilment.session';

export const tokenStore = {
  get(): StoredToken | null {
    try {
      const raw = localStorage.getItem(KEY);
      if (!raw) return null;
      const value = JSON.parse(raw) as Partial<StoredToken>;
      if (typeof value.token !== 'string' || typeof value.expiresAt !== 'string') return null;
      return { token: value.token, expiresAt: value.expiresAt };
    } catch {
      return null;
    }
  },
  set(value: StoredToken) {
    localStorage.setItem(KEY, JSON.stringify(value));
  },
  clear() {
    localStorage.removeItem(KEY);
  },
  isValid(value: StoredToken | null, marginMs = 0): value is StoredToken {
    return Boolean(value) && new Date(value!.expiresAt).getTime() - marginMs > Date.now();
  },
};
