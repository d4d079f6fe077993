import { describe, expect, it } from 'vitest';
import { canonicalJson, chainPayload, GENESIS_HASH } from './audit.rules.ts';

describe('audit canonical form', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
  });
  it('gives the same payload whatever the key order', () => {
    const e = {
      id: 1,
      at: '2026-01-01T00:00:00.000Z',
      actorUserId: 2,
      actorName: '王安委',
      actorRoles: ['admin'],
      ip: null,
      entityType: 'user',
      entityId: '3',
      action: 'create',
      before: null,
      after: { x: 1, a: 2 },
    };
    const reordered = { ...e, after: { a: 2, x: 1 } };
    expect(chainPayload(GENESIS_HASH, e)).toBe(chainPayload(GENESIS_HASH, reordered));
    expect(chainPayload(GENESIS_HASH, e)).not.toBe(chainPayload(GENESIS_HASH, { ...e, action: 'update' }));
  });
});
