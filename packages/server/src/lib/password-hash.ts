import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to argon2id (RFC 9106's recommendation) with m=19 MiB, t=2, p=1 (OWASP minimum).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Verified against when the username is unknown, so both paths take the same time. */
export function dummyHash(): Promise<string> {
  dummy ??= hash('anzhi-no-such-user');
  return dummy;
}
