import { CameraOutlined } from '@ant-design/icons';
import { reportPhotoMax, reportPhotoMaxBytes } from '@anzhi/core';
import { App, Upload, type UploadFile } from 'antd';
import { useRef } from 'react';
import { compressPhoto } from '../../../../lib/compress-photo.ts';

/** A photo chosen for the report: compressed in the browser, sent with the form (the public cannot pre-upload). */
export interface PickedPhoto {
  uid: string;
  name: string;
  blob: Blob;
  previewUrl: string;
}

interface ReportPhotoPickerProps {
  value?: PickedPhoto[];
  onChange?: (photos: PickedPhoto[]) => void;
  disabled?: boolean;
  id?: string;
}

const jpegName = (name: string) => `${name.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'photo'}.jpg`;

/**
 * Camera or album, up to `reportPhotoMax` photos. Each is made a small JPEG without metadata when the browser can
 * decode it (the GPS position of a whistleblower's phone must not travel with the photo) and kept until submit.
 */
export function ReportPhotoPicker({ value = [], onChange, disabled, id }: ReportPhotoPickerProps) {
  const { message } = App.useApp();
  // Photos picked together arrive one by one; each addition must see the previous ones.
  const current = useRef(value);
  current.current = value;

  const add = async (file: File) => {
    if (!file.type.startsWith('image/') && !/\.(jpe?g|png|webp|hei[cf])$/i.test(file.name)) {
      message.error(`${file.name}：请选择照片`);
      return;
    }
    const compressed = await compressPhoto(file);
    const blob = compressed ?? file;
    if (blob.size > reportPhotoMaxBytes) {
      message.error(`${file.name}：照片过大（不超过 ${reportPhotoMaxBytes / 1024 / 1024} MB）`);
      return;
    }
    if (current.current.length >= reportPhotoMax) {
      message.error(`最多 ${reportPhotoMax} 张照片`);
      return;
    }
    const photo: PickedPhoto = {
      uid: `${Date.now()}-${Math.random().toString(36).slice(2)}`,
      name: compressed ? jpegName(file.name) : file.name,
      blob,
      previewUrl: URL.createObjectURL(blob),
    };
    const next = [...current.current, photo];
    current.current = next;
    onChange?.(next);
  };

  const remove = (uid: string) => {
    const gone = value.find((p) => p.uid === uid);
    if (gone) URL.revokeObjectURL(gone.previewUrl);
    onChange?.(value.filter((p) => p.uid !== uid));
  };

  const fileList: UploadFile[] = value.map((p) => ({
    uid: p.uid,
    name: p.name,
    status: 'done',
    url: p.previewUrl,
    thumbUrl: p.previewUrl,
  }));

  return (
    <Upload
      id={id}
      listType="picture-card"
      accept="image/*"
      multiple
      fileList={fileList}
      disabled={disabled}
      beforeUpload={(file) => {
        void add(file);
        return Upload.LIST_IGNORE;
      }}
      onRemove={(f) => {
        remove(f.uid);
        return false;
      }}
      showUploadList={{ showPreviewIcon: false }}
    >
      {value.length >= reportPhotoMax || disabled ? null : (
        <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 6, padding: 8 }}>
          <CameraOutlined style={{ fontSize: 28 }} />
          <span>拍照/选图</span>
        </div>
      )}
    </Upload>
  );
}
