import type { Permission, Role } from '@anzhi/core';

/** One line of the role × endpoint matrix (role-matrix.test.ts says what each field means). */
export type Access = Permission | 'authenticated' | 'public';
export interface Expectation {
  access: Access;
  outside: 'notFound' | 'hidden' | 'shared';
  body?: unknown;
  /** A query string; `{outside}` stands for the out-of-scope record's id of the route's collection. */
  query?: string;
  /** Roles for which the out-of-scope id does not apply, and why. */
  except?: { roles: Role[]; why: string };
  /** The request ends the caller's session (sign in again afterwards). */
  endsSession?: boolean;
}

export const read = (access: Access): Expectation => ({ access, outside: 'notFound' });
export const list = (access: Access): Expectation => ({ access, outside: 'hidden' });
export const shared = (access: Access, body?: unknown): Expectation => ({ access, outside: 'shared', body });
export const write = (access: Access, body?: unknown): Expectation => ({ access, outside: 'notFound', body });
