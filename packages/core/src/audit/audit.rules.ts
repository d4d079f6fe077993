/**
 * The audit chain: each event's hash covers its content and the previous event's hash, so altering or deleting
 * any event breaks every later link (谁检查、谁签名、谁负责 — the record must prove it was not rewritten).
 * Hashing itself (SM3, GB/T 32905) happens on the server; here is the canonical form that is hashed.
 */
export interface ChainedFields {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName: string | null;
  actorRoles: string[];
  ip: string | null;
  entityType: string;
  entityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function chainPayload(prevHash: string, e: ChainedFields): string {
  return `${prevHash}\n${canonicalJson({ ...e, actorUserId: e.actorUserId ?? null, actorName: e.actorName ?? null })}`;
}
