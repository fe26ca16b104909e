/**
 * Stop-gap until the API hands out a cursor with each live event: the orderEvents cursor of an event,
 * built from the event's global id. Both are base64url: the id of "OrderEvent:<n>", the cursor of
 * ["<n>"]. Kept in this one place so it can go when the subscription carries `cursor` itself.
 */
function fromBase64Url(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  return atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
}

function toBase64Url(s: string): string {
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The event's position in write order, or null when the id is not an order event's. */
export function eventPosition(globalId: string): bigint | null {
  try {
    const m = /^OrderEvent:(\d{1,18})$/.exec(fromBase64Url(globalId));
    return m ? BigInt(m[1]) : null;
  } catch {
    return null;
  }
}

export function cursorAt(position: bigint): string {
  return toBase64Url(JSON.stringify([position.toString()]));
}
