import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** jose is ESM-only; loaded once on first use. */
const jose = import('jose');

export interface TokenClaims {
  userId: string;
  sessionId: string;
  expiresAt: Date;
}

const ISSUER = 'fulfilment-platform';

export async function signToken(
  secret: Uint8Array,
  userId: string,
  sessionId: string,
  expiresAt: Date,
): Promise<string> {
  const { SignJWT } = await jose;
  return new SignJWT({ sid: sessionId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(secret);
}

/** The claims of a valid, unexpired token; null for anything else. */
export async function verifyToken(secret: Uint8Array, token: string): Promise<TokenClaims | null> {
  const { jwtVerify } = await jose;
  try {
    const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, algorithms: ['HS256'] });
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || typeof payload.exp !== 'number')
      return null;
    return { userId: payload.sub, sessionId: payload.sid, expiresAt: new Date(payload.exp * 1000) };
  } catch {
    return null;
  }
}

/** API keys look like fk_<prefix>_<secret>: the prefix finds the row, the hash of the whole key proves it. */
export const API_KEY_PATTERN = /^fk_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

export function newApiKeySecret(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(8).toString('hex').slice(0, 10);
  const key = `fk_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
