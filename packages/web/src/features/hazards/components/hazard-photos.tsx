import { Flex, Image } from 'antd';

export interface PhotoLink {
  id: number;
  url: string;
  thumbUrl: string;
}

/** Thumbnails from the server; a tap opens the full photo, and the group can be swiped through. */
export function HazardPhotos({ photos, size = 72 }: { photos: PhotoLink[]; size?: number }) {
  if (!photos.length) return null;
  return (
    <Image.PreviewGroup>
      <Flex gap={6} wrap className="hazard-photos">
        {photos.map((p) => (
          <Image
            key={p.id}
            src={p.thumbUrl}
            preview={{ src: p.url }}
            width={size}
            height={size}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            alt="隐患照片"
          />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}
