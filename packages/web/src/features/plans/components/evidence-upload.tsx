import { PaperClipOutlined } from '@ant-design/icons';
import { FILE_MAX_BYTES, fileThumbUrl, fileUrl, type UploadedFile } from '@anzhi/core';
import { App, Button, Upload, type UploadFile, type UploadProps } from 'antd';
import { useEffect, useState } from 'react';
import { call, errorMessage } from '../../../lib/api-client.ts';
import { compressPhoto } from '../../../lib/compress-photo.ts';

export interface KnownFile {
  id: number;
  url: string;
  thumbUrl: string | null;
}

interface EvidenceUploadProps {
  value?: number[];
  onChange?: (ids: number[]) => void;
  /** Files already known by id (this month's report): PDFs among them get no broken thumbnail. */
  known?: ReadonlyMap<number, KnownFile>;
  maxCount?: number;
  id?: string;
}

type Item = UploadFile<UploadedFile>;

const isPdf = (f: File) => f.type === 'application/pdf' || /\.pdf$/i.test(f.name);
const jpegName = (name: string) => `${name.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'photo'}.jpg`;

function itemsOf(ids: number[], known?: ReadonlyMap<number, KnownFile>): Item[] {
  return ids.map((id, i) => {
    const k = known?.get(id);
    const thumb = k ? k.thumbUrl : fileThumbUrl(id);
    return {
      uid: `file-${id}`,
      name: thumb ? `照片 ${i + 1}` : `附件 ${i + 1}.pdf`,
      status: 'done',
      url: k?.url ?? fileUrl(id),
      thumbUrl: thumb ?? undefined,
    };
  });
}

function idOf(item: Item): number | null {
  if (item.status !== 'done') return null;
  if (item.response?.id) return item.response.id;
  const m = /^file-(\d+)$/.exec(item.uid);
  return m ? Number(m[1]) : null;
}

const doneIds = (items: Item[]) => items.map(idOf).filter((id): id is number => id !== null);
const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Evidence for a monthly report: site photos (compressed in the browser like every photo) and scanned PDFs such as
 * meeting minutes or notices. Uploads go to /api/v1/files; the form keeps the ids.
 */
export function EvidenceUpload({ value, onChange, known, maxCount = 9, id }: EvidenceUploadProps) {
  const { message } = App.useApp();
  const [items, setItems] = useState<Item[]>(() => itemsOf(value ?? [], known));

  useEffect(() => {
    setItems((prev) =>
      same(doneIds(prev), value ?? []) ? prev : [...itemsOf(value ?? [], known), ...prev.filter((f) => f.status === 'uploading')],
    );
  }, [value, known]);

  const customRequest: UploadProps<UploadedFile>['customRequest'] = async ({ file, onSuccess, onError }) => {
    const original = file as File;
    try {
      const compressed = isPdf(original) ? null : await compressPhoto(original);
      const form = new FormData();
      form.append('file', compressed ?? original, compressed ? jpegName(original.name) : original.name);
      onSuccess?.(await call('POST /files', { body: form }));
    } catch (e) {
      message.error(`${original.name}：${errorMessage(e)}`);
      onError?.(e as Error);
    }
  };

  return (
    <Upload<UploadedFile>
      id={id}
      listType="picture"
      accept="image/*,application/pdf"
      multiple
      maxCount={maxCount}
      fileList={items}
      customRequest={customRequest}
      beforeUpload={(file) => {
        const image = file.type.startsWith('image/') || /\.(jpe?g|png|webp|hei[cf])$/i.test(file.name);
        if (!image && !isPdf(file)) {
          message.error(`${file.name}：请选择照片或 PDF 文件`);
          return Upload.LIST_IGNORE;
        }
        if (file.size > FILE_MAX_BYTES * (image ? 4 : 1)) {
          message.error(`${file.name}：文件过大`);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      onChange={({ fileList }) => {
        const next = fileList
          .filter((f) => f.status !== 'error')
          .map((f) => (f.status === 'done' && f.response ? { ...f, url: f.response.url, thumbUrl: f.response.thumbUrl ?? undefined } : f));
        setItems(next);
        const ids = doneIds(next);
        if (!same(ids, value ?? [])) onChange?.(ids);
      }}
    >
      {items.length >= maxCount ? null : (
        <Button icon={<PaperClipOutlined />} className="plan-evidence-button">
          拍照 / 上传佐证材料
        </Button>
      )}
    </Upload>
  );
}
