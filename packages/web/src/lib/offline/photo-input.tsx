import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { checkPhotoMaxBytes } from '@anzhi/core';
import { App, Button } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { compressPhoto, jpegName } from '../compress-photo.ts';
import type { OutboxPhoto } from './offline-db.ts';

interface PhotoInputProps {
  seq: number;
  value: OutboxPhoto[];
  onChange: (photos: OutboxPhoto[]) => void;
  /** How many more the record may take. */
  room: number;
}

/** The rear camera (or the album), photos compressed on the phone and kept with the record until it is synced. */
export function PhotoInput({ seq, value, onChange, room }: PhotoInputProps) {
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const previews = useMemo(() => value.map((p) => URL.createObjectURL(p.blob)), [value]);
  useEffect(
    () => () => {
      for (const url of previews) URL.revokeObjectURL(url);
    },
    [previews],
  );

  const add = async (files: FileList | null) => {
    const picked: OutboxPhoto[] = [];
    for (const file of Array.from(files ?? []).slice(0, Math.max(0, room))) {
      const compressed = await compressPhoto(file);
      const blob = compressed ?? file;
      if (blob.size > checkPhotoMaxBytes) {
        message.error(`${file.name}：照片过大（不超过 ${checkPhotoMaxBytes / 1024 / 1024} MB）`);
        continue;
      }
      picked.push({ seq, name: compressed ? jpegName(file.name) : file.name, blob });
    }
    if (picked.length) onChange([...value, ...picked]);
    if (input.current) input.current.value = '';
  };

  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
      {previews.map((url, i) => (
        <div key={url} style={{ position: 'relative' }}>
          <img src={url} alt={`照片 ${i + 1}`} style={{ width: 72, height: 72, objectFit: 'cover', borderRadius: 6 }} />
          <Button
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label="删除照片"
            style={{ position: 'absolute', top: 2, right: 2 }}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          />
        </div>
      ))}
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        hidden
        data-testid={`photo-input-${seq}`}
        onChange={(e) => void add(e.target.files)}
      />
      {room > 0 ? (
        <Button size="large" icon={<CameraOutlined />} onClick={() => input.current?.click()} style={{ height: 72 }}>
          拍照
        </Button>
      ) : null}
    </div>
  );
}
