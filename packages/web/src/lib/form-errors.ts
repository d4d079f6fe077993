import type { FormInstance } from 'antd';
import { ApiError, errorMessage, type FieldProblem } from './api-client.ts';

/** The part of a zod schema forms need; keeps the web package from depending on zod directly. */
export interface ParseableSchema<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

/** `body.roles.0`, `/roles/0` and `roles[0]` all name the form field `roles`. */
export function fieldOfPath(path: string): string {
  const parts = path.split(/[./[\]]/).filter(Boolean);
  if (parts[0] === 'body' && parts.length > 1) parts.shift();
  return parts[0] ?? '';
}

/** Puts each problem on its field; returns the ones no field on the form could show. */
export function setFieldProblems(form: FormInstance, problems: readonly FieldProblem[], fields: readonly string[]): FieldProblem[] {
  const byField = new Map<string, string[]>();
  const unplaced: FieldProblem[] = [];
  for (const problem of problems) {
    const field = fieldOfPath(problem.path);
    if (!fields.includes(field)) {
      unplaced.push(problem);
      continue;
    }
    byField.set(field, [...(byField.get(field) ?? []), problem.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unplaced;
}

/** Validates form values with the same zod schema the server uses; marks the fields and returns null on failure. */
export function parseForm<T>(schema: ParseableSchema<T>, values: unknown, form: FormInstance, fields: readonly string[]): T | null {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
  setFieldProblems(form, problems, fields);
  return null;
}

/**
 * Shows a failed submit: field problems on their fields, the server's Chinese message as a toast.
 * `notify` is antd's `message.error` from `App.useApp()`.
 */
export function showSubmitError(error: unknown, form: FormInstance, fields: readonly string[], notify: (content: string) => void): void {
  if (error instanceof ApiError) {
    const unplaced = setFieldProblems(form, error.fieldProblems, fields);
    const extra = unplaced.map((p) => p.message).join('；');
    notify(extra && extra !== error.message ? `${error.message}：${extra}` : error.message);
    return;
  }
  notify(errorMessage(error));
}
