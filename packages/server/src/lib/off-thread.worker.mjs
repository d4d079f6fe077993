// A parse worker's entry. Plain JavaScript so that Node can start it without help; it then registers tsx, as
// bin/anzhi.mjs does for the main thread (loader hooks are per thread), and runs one exported function of a
// TypeScript module per task. An AppError crosses back as plain data; anything else is rethrown.
import { register } from 'tsx/esm/api';

register();

export default async function run({ module, fn, args }) {
  const exported = (await import(module))[fn];
  if (typeof exported !== 'function') throw new Error(`${module} exports no function ${fn}`);
  try {
    return { ok: true, value: await exported(...args) };
  } catch (e) {
    if (e && e.name === 'AppError') return { ok: false, error: { status: e.status, code: e.code, message: e.message, details: e.details } };
    throw e;
  }
}
