import type { TodoBox, TodoItem, TodoKind } from '@anzhi/core';
import type { Actor } from '../../lib/actor.ts';

/**
 * A module's contribution to the 待办 centre: the kinds it owns and, per box, the caller's items. Each provider lives
 * in the module that owns the data (hazard-todos.ts, plan-todos.ts) and reads it through that module's scope; the
 * todos module only merges, orders and counts. A new module adds its kinds to core's todoKinds and one provider here.
 */
export interface TodoProvider {
  kinds: readonly TodoKind[];
  /** Items of a box for the caller; a provider without anything for a box returns []. */
  list(actor: Actor, box: TodoBox): Promise<TodoItem[]>;
}

/** How many rows a provider reads for the done and initiated boxes: recent history, not an archive. */
export const TODO_HISTORY_LIMIT = 100;
