import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './private-dir.ts';

/**
 * Reporters' names and phones (issue 15, ADR 0024): SM4 (GB/T 32907) in CBC mode with a random IV per value, from
 * `sm-crypto`. The 128-bit key lives outside the database (ANZHI_REPORT_KEY, ANZHI_REPORT_KEY_FILE, or a key file
 * made once in the data folder); database dumps, backups and replicas hold ciphertext only, and without the key the
 * identities are unreadable by design.
 *
 * Stored form: `sm4cbc:1:<iv hex>:<ciphertext hex>:<mac>` — encrypt-then-MAC (HMAC-SHA-256 over IV and ciphertext, with
 * a key derived from the SM4 key), so a value made with another key or altered is refused, never read as garbage.
 */
export interface IdentityCipher {
  encrypt(plain: string): string;
  /** The plain text, or null when the value was made with another key or is damaged. */
  decrypt(stored: string): string | null;
  /**
   * A keyed digest (HMAC-SHA-256 with a key derived from the SM4 key) for values that are only compared, never read
   * back: the reporter's secret, and the network address and device id the rate limits count.
   */
  digest(purpose: string, value: string): string;
}

// sm-crypto is CommonJS whose exports Node's ESM loader cannot list (`module.exports = { sm4: require(…) }`): a named
// import works under Vite/vitest but stops `anzhi serve` at start-up, so it is required.
const { sm4 } = createRequire(import.meta.url)('sm-crypto') as typeof import('sm-crypto');

const PREFIX = 'sm4cbc:1:';
const KEY_PATTERN = /^[0-9a-f]{32}$/;

export function createIdentityCipher(keyHex: string): IdentityCipher {
  const key = keyHex.trim().toLowerCase();
  if (!KEY_PATTERN.test(key)) throw new Error('举报人信息密钥应为 32 位十六进制字符（128 位）');
  const derive = (label: string) => crypto.createHmac('sha256', Buffer.from(key, 'hex')).update(label).digest();
  const macKey = derive('anzhi/report/digest');
  const sealKey = derive('anzhi/report/seal');
  const seal = (iv: string, body: string) => crypto.createHmac('sha256', sealKey).update(`${iv}:${body}`).digest('base64url').slice(0, 22);
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(16).toString('hex');
      const body = sm4.encrypt(plain, key, { mode: 'cbc', iv });
      return `${PREFIX}${iv}:${body}:${seal(iv, body)}`;
    },
    decrypt(stored) {
      if (!stored.startsWith(PREFIX)) return null;
      const [iv, body, mac] = stored.slice(PREFIX.length).split(':');
      if (!iv || !body || !mac || !/^[0-9a-f]{32}$/.test(iv) || !/^(?:[0-9a-f]{32})+$/.test(body)) return null;
      const expected = Buffer.from(seal(iv, body));
      const given = Buffer.from(mac);
      if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
      try {
        return sm4.decrypt(body, key, { mode: 'cbc', iv });
      } catch {
        return null;
      }
    },
    digest(purpose, value) {
      return crypto.createHmac('sha256', macKey).update(`${purpose}\u0000${value}`).digest('base64url');
    },
  };
}

/** A fresh random key, as 32 hex characters (what `npx anzhi report-key` prints). */
export function newIdentityKey(): string {
  return crypto.randomBytes(16).toString('hex');
}

export const defaultKeyFile = (dataDir: string) => path.join(dataDir, 'keys', 'report-identity.key');

/**
 * The key, from the first of: ANZHI_REPORT_KEY; the file ANZHI_REPORT_KEY_FILE; the data folder's key file, made
 * (0600) on the first start so a laptop install needs no set-up. `made` says the key was just created (the caller
 * warns to back it up: it is not in the database backups).
 */
export function loadIdentityKey(opts: { key?: string; keyFile?: string; dataDir: string }): { key: string; made: boolean; source: string } {
  if (opts.key) return { key: opts.key, made: false, source: 'ANZHI_REPORT_KEY' };
  const file = opts.keyFile ?? defaultKeyFile(opts.dataDir);
  if (fs.existsSync(file)) {
    const key = fs.readFileSync(file, 'utf8').trim();
    if (!KEY_PATTERN.test(key.toLowerCase())) throw new Error(`举报人信息密钥文件 ${file} 的内容应为 32 位十六进制字符`);
    return { key, made: false, source: file };
  }
  if (opts.keyFile) throw new Error(`找不到举报人信息密钥文件 ${file}（ANZHI_REPORT_KEY_FILE）`);
  ensurePrivateDir(path.dirname(file));
  const key = newIdentityKey();
  fs.writeFileSync(file, `${key}\n`, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  return { key, made: true, source: file };
}
