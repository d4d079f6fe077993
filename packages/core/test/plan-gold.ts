// The hand-labelled plan seeds (fixtures/plan-gold: a plan as .txt, its gold labels as .json; see FORMAT.md there).
import fs from 'node:fs';
import path from 'node:path';

export const planGoldDir = path.join(import.meta.dirname, 'fixtures/plan-gold');

export interface GoldSeed {
  name: string;
  fileName: string;
  text: string;
  gold: Record<string, unknown>;
}

export function loadGoldSeeds(dir = planGoldDir): GoldSeed[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const fileName = f.replace(/\.json$/u, '.txt');
      return {
        name: f.replace(/\.json$/u, ''),
        fileName,
        text: fs.readFileSync(path.join(dir, fileName), 'utf8'),
        gold: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>,
      };
    });
}
