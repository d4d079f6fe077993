import { CameraOutlined } from '@ant-design/icons';
import { FILE_MAX_BYTES, fileThumbUrl, fileUrl, type UploadedFile } from '@anzhi/core';
import { App, Image, Upload, type UploadFile, type UploadProps } from 'antd';
import { useEffect, useState } from 'react';
import { call, errorMessage } from '../lib/api-client.ts';
import { compressPhoto, jpegName } from '../lib/compress-photo.ts';

interface PhotoUploadProps {
  /** Ids of uploaded files, in order (for antd Form: `<Form.Item name="photos"><PhotoUpload /></Form.Item>`). */
  value?: number[];
  onChange?: (ids: number[]) => void;
  /** At most this many photos; default 9. */
  maxCount?: number;
  /** Open the rear camera straight away on phones instead of offering camera or album. */
  capture?: boolean;
  disabled?: boolean;
  id?: string;
  /** Also take PDF documents (an evaluation report, a signed application), uploaded as they are. */
  allowPdf?: boolean;
}

type Item = UploadFile<UploadedFile>;

function idOf(item: Item): number | null {
  if (item.status !== 'done') return null;
  if (item.response?.id) return item.response.id;
  const m = /^file-(\d+)$/.exec(item.uid);
  return m ? Number(m[1]) : null;
}

const doneIds = (items: Item[]) => items.map(idOf).filter((id): id is number => id !== null);
const sameIds = (a: number[], b: number[]) => a.length === b.length && a.every((id, i) => id === b[i]);

const itemsOf = (ids: number[]): Item[] =>
  ids.map((id, i) => ({ uid: `file-${id}`, name: `照片 ${i + 1}`, status: 'done', url: fileUrl(id), thumbUrl: fileThumbUrl(id) }));

/**
 * Picks photos on a phone (camera or album), compresses them in the browser, uploads each to /api/v1/files and
 * reports the ids. Previews come from the server's thumbnails; a tap opens the full photo.
 */
export function PhotoUpload({ value, onChange, maxCount = 9, capture = false, disabled, id, allowPdf = false }: PhotoUploadProps) {
  const { message } = App.useApp();
  const [items, setItems] = useState<Item[]>(() => itemsOf(value ?? []));
  const [preview, setPreview] = useState<number | null>(null);

  // A value set from outside (form reset, record loaded) replaces the finished photos; uploads in flight stay.
  useEffect(() => {
    setItems((prev) =>
      sameIds(doneIds(prev), value ?? []) ? prev : [...itemsOf(value ?? []), ...prev.filter((f) => f.status === 'uploading')],
    );
  }, [value]);

  const handleChange: UploadProps<UploadedFile>['onChange'] = ({ fileList }) => {
    const next = fileList
      .filter((f) => f.status !== 'error')
      .map((f) => (f.status === 'done' && f.response ? { ...f, url: f.response.url, thumbUrl: f.response.thumbUrl ?? f.response.url } : f));
    setItems(next);
    const ids = doneIds(next);
    if (!sameIds(ids, value ?? [])) onChange?.(ids);
  };

  const customRequest: UploadProps<UploadedFile>['customRequest'] = async ({ file, onSuccess, onError }) => {
    const original = file as File;
    try {
      const compressed = await compressPhoto(original);
      const form = new FormData();
      form.append('file', compressed ?? original, compressed ? jpegName(original.name) : original.name);
      onSuccess?.(await call('POST /files', { body: form }));
    } catch (e) {
      message.error(`${original.name}：${errorMessage(e)}`);
      onError?.(e as Error);
    }
  };

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    // `accept` is a hint some phones ignore; the server checks the content anyway.
    const pdf = allowPdf && (file.type === 'application/pdf' || /\.pdf$/i.test(file.name));
    if (!pdf && !file.type.startsWith('image/') && !/\.(jpe?g|png|webp|hei[cf])$/i.test(file.name)) {
      message.error(`${file.name}：请选择照片${allowPdf ? '或 PDF 文件' : ''}`);
      return Upload.LIST_IGNORE;
    }
    // Larger files may still shrink below the limit in the browser; only hopeless ones stop here.
    if (file.size > FILE_MAX_BYTES * 4) {
      message.error(`${file.name}：照片过大`);
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const urls = items.filter((f) => f.status === 'done' && f.url).map((f) => f.url as string);

  return (
    <>
      <Upload<UploadedFile>
        id={id}
        listType="picture-card"
        accept={allowPdf ? 'image/*,application/pdf' : 'image/*'}
        capture={capture ? 'environment' : undefined}
        multiple={maxCount > 1}
        maxCount={maxCount}
        fileList={items}
        disabled={disabled}
        beforeUpload={beforeUpload}
        customRequest={customRequest}
        onChange={handleChange}
        onPreview={(f) => {
          const at = f.url ? urls.indexOf(f.url) : -1;
          if (at >= 0) setPreview(at);
        }}
      >
        {items.length >= maxCount || disabled ? null : (
          <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 6, padding: 8 }}>
            <CameraOutlined style={{ fontSize: 28 }} />
            <span>{allowPdf ? '拍照/选文件' : '拍照/选图'}</span>
          </div>
        )}
      </Upload>
      {urls.length > 0 && (
        <Image.PreviewGroup
          items={urls}
          preview={{
            open: preview !== null,
            current: preview ?? 0,
            onOpenChange: (open) => !open && setPreview(null),
            onChange: (current) => setPreview(current),
          }}
        />
      )}
    </>
  );
}
