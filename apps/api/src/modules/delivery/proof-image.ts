import { createHash } from 'node:crypto';
import { fail } from '../../common/user-error';

/** The largest proof image stored (a signature PNG is tens of KB; a photo compressed to ≤ 1280 px fits). */
export const PROOF_MAX_BYTES = 512 * 1024;

export interface ProofImage {
  bytes: Buffer;
  contentType: 'image/png' | 'image/jpeg' | 'image/webp';
  sha256: string;
}

/** What the bytes are, by their signature (magic bytes), never by a name or a declared type. */
function sniff(b: Buffer): ProofImage['contentType'] | null {
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return null;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes a proof image sent as a data URL or plain base64: PROOF_TOO_LARGE over the cap (checked on
 * the text's length before decoding), PROOF_NOT_IMAGE unless the bytes are PNG, JPEG or WebP.
 */
export function decodeProofImage(text: string, field: string[]): ProofImage {
  const comma = text.startsWith('data:') ? text.indexOf(',') : -1;
  const data = (comma >= 0 ? text.slice(comma + 1) : text).replace(/\s/g, '');
  if (Math.floor((data.length * 3) / 4) - 2 > PROOF_MAX_BYTES)
    fail('PROOF_TOO_LARGE', `The image is over ${PROOF_MAX_BYTES / 1024} KiB`, field);
  if (!BASE64.test(data)) fail('PROOF_NOT_IMAGE', 'The image is neither a data URL nor base64', field);
  const bytes = Buffer.from(data, 'base64');
  if (bytes.length > PROOF_MAX_BYTES) fail('PROOF_TOO_LARGE', `The image is over ${PROOF_MAX_BYTES / 1024} KiB`, field);
  const contentType = sniff(bytes) ?? fail('PROOF_NOT_IMAGE', 'The image is not a PNG, JPEG or WebP picture', field);
  return { bytes, contentType, sha256: createHash('sha256').update(bytes).digest('hex') };
}
