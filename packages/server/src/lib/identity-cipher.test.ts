import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sm4 } from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import { createIdentityCipher, loadIdentityKey, newIdentityKey } from './identity-cipher.ts';

describe('identity cipher (SM4, issue 15)', () => {
  it('the library is SM4: the example of GB/T 32907-2016 附录 A.1', () => {
    const key = '0123456789abcdeffedcba9876543210';
    const plain = [0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10];
    expect(sm4.encrypt(plain, key, { padding: 'none' })).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('round-trips Chinese names and phones, with a fresh IV each time, and never holds the plain text', () => {
    const c = createIdentityCipher(newIdentityKey());
    const a = c.encrypt('13800138000');
    const b = c.encrypt('13800138000');
    expect(a).not.toBe(b);
    expect(a).not.toContain('13800138000');
    expect(a).toMatch(/^sm4cbc:1:[0-9a-f]{32}:[0-9a-f]{32}:[\w-]{22}$/);
    expect(c.decrypt(a)).toBe('13800138000');
    expect(c.decrypt(c.encrypt('欧阳娜娜'))).toBe('欧阳娜娜');
  });

  it('another key, or a damaged value, reads as null (unreadable by design), never as garbage', () => {
    const mine = createIdentityCipher(newIdentityKey());
    const value = mine.encrypt('张三');
    for (let i = 0; i < 200; i++) expect(createIdentityCipher(newIdentityKey()).decrypt(value)).toBeNull();
    expect(mine.decrypt('13800138000')).toBeNull();
    expect(mine.decrypt(`${value.slice(0, -2)}zz`)).toBeNull();
    const [prefix, version, iv, body, mac] = value.split(':');
    const flipped = `${body?.[0] === 'a' ? 'b' : 'a'}${body?.slice(1)}`;
    expect(mine.decrypt([prefix, version, iv, flipped, mac].join(':'))).toBeNull();
  });

  it('digests are keyed and separated by purpose', () => {
    const key = newIdentityKey();
    const c = createIdentityCipher(key);
    expect(c.digest('secret', 'x')).toBe(createIdentityCipher(key).digest('secret', 'x'));
    expect(c.digest('secret', 'x')).not.toBe(c.digest('address', 'x'));
    expect(c.digest('secret', 'x')).not.toBe(createIdentityCipher(newIdentityKey()).digest('secret', 'x'));
  });

  it('refuses a key that is not 128 bits of hex', () => {
    expect(() => createIdentityCipher('abc')).toThrow('32 位十六进制');
  });

  it('loads the key from the setting, a named file, or makes one (0600) in the data folder once', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anzhi-key-'));
    try {
      expect(loadIdentityKey({ key: 'a'.repeat(32), dataDir: dir })).toMatchObject({ key: 'a'.repeat(32), made: false });
      const first = loadIdentityKey({ dataDir: dir });
      expect(first.made).toBe(true);
      expect(fs.statSync(first.source).mode & 0o777).toBe(0o600);
      expect(loadIdentityKey({ dataDir: dir })).toEqual({ ...first, made: false });
      expect(() => loadIdentityKey({ keyFile: path.join(dir, 'missing.key'), dataDir: dir })).toThrow('找不到举报人信息密钥文件');
      fs.writeFileSync(path.join(dir, 'bad.key'), 'not a key');
      expect(() => loadIdentityKey({ keyFile: path.join(dir, 'bad.key'), dataDir: dir })).toThrow('32 位十六进制');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
