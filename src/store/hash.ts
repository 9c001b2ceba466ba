/** The content hash of a page: the same page again is recognised whatever its name. Pure; no storage. */
import { createHash } from 'node:crypto';

/** sha256 of the page's bytes, in hex. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
