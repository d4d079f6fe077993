import fs from 'node:fs';

/**
 * The data folder and the backups hold password hashes and everyone's records: only the account that runs the
 * server may read them. Creates the folder 0700, and tightens one that an earlier version created 0755.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if ((fs.statSync(dir).mode & 0o777) !== PRIVATE_DIR_MODE) fs.chmodSync(dir, PRIVATE_DIR_MODE);
}
