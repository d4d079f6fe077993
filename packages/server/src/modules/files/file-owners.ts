import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';

/** May this actor see the record (e.g. the hazard) a file is attached to? The owning module answers, in its own scope. */
export type OwnerVisibility = (ex: Executor, actor: Actor, ownerId: number) => Promise<boolean>;

export interface FileOwnerRegistry {
  /** Called once per owner type at start-up by the module that owns such records (hazards: 'hazard'). */
  register(ownerType: string, canView: OwnerVisibility): void;
  has(ownerType: string): boolean;
  /** Unknown owner types are denied: a file never becomes readable by accident. */
  canView(ex: Executor, actor: Actor, ownerType: string, ownerId: number): Promise<boolean>;
}

export function createFileOwnerRegistry(): FileOwnerRegistry {
  const checks = new Map<string, OwnerVisibility>();
  return {
    register(ownerType, canView) {
      if (checks.has(ownerType)) throw new Error(`file owner type '${ownerType}' is registered twice`);
      checks.set(ownerType, canView);
    },
    has: (ownerType) => checks.has(ownerType),
    async canView(ex, actor, ownerType, ownerId) {
      const check = checks.get(ownerType);
      return check ? check(ex, actor, ownerId) : false;
    },
  };
}
