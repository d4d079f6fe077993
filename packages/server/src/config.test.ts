import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const s3 = {
  ANZHI_S3_URL: 'http://127.0.0.1:9000/',
  ANZHI_S3_BUCKET: 'anzhi-files',
  ANZHI_S3_ACCESS_KEY: 'minio',
  ANZHI_S3_SECRET_KEY: 'minio-secret',
};

describe('object storage settings (ANZHI_S3_*)', () => {
  it('are off by default: files stay in the local folder', () => {
    expect(loadConfig({}).s3).toBeUndefined();
  });

  it('all four given: the endpoint without its trailing slash, region us-east-1 unless set', () => {
    expect(loadConfig(s3).s3).toEqual({
      url: 'http://127.0.0.1:9000',
      bucket: 'anzhi-files',
      accessKeyId: 'minio',
      secretAccessKey: 'minio-secret',
      region: 'us-east-1',
    });
    expect(loadConfig({ ...s3, ANZHI_S3_REGION: 'cn-hangzhou' }).s3?.region).toBe('cn-hangzhou');
  });

  it('some but not all: refused in Chinese, naming what is missing', () => {
    const { ANZHI_S3_SECRET_KEY: _secret, ANZHI_S3_BUCKET: _bucket, ...partial } = s3;
    expect(() => loadConfig(partial)).toThrow(
      '环境变量配置有误：\n  ANZHI_S3_*: 使用对象存储须同时设置 ANZHI_S3_URL、ANZHI_S3_BUCKET、ANZHI_S3_ACCESS_KEY、ANZHI_S3_SECRET_KEY；缺少 ANZHI_S3_BUCKET、ANZHI_S3_SECRET_KEY',
    );
  });

  it('a bad endpoint, bucket or region name: refused in Chinese, naming the variable', () => {
    expect(() => loadConfig({ ...s3, ANZHI_S3_URL: '127.0.0.1:9000' })).toThrow(/ANZHI_S3_URL: ANZHI_S3_URL 应为对象存储地址/);
    expect(() => loadConfig({ ...s3, ANZHI_S3_URL: 'http://minio:9000/anzhi-files' })).toThrow(/ANZHI_S3_URL/);
    expect(() => loadConfig({ ...s3, ANZHI_S3_BUCKET: 'Anzhi_Files' })).toThrow(/ANZHI_S3_BUCKET: ANZHI_S3_BUCKET 应为存储桶名称/);
    expect(() => loadConfig({ ...s3, ANZHI_S3_REGION: 'East 1' })).toThrow(/ANZHI_S3_REGION 应为区域名称/);
  });
});
