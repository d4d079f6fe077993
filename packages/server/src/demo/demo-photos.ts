import sharp from 'sharp';

/**
 * Small synthetic photos for the demo's check records (drawn, not shot): each scene has a distinct brightness pattern,
 * so their perceptual hashes are far apart and only a reused scene looks the same to the reused-photo signal.
 */
const scenes = {
  // 灭火器: a red cylinder on a wall that brightens to the right.
  extinguisher: `<linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#222"/><stop offset="1" stop-color="#eee"/></linearGradient>
    <rect width="640" height="480" fill="url(#g)"/><rect x="260" y="90" width="120" height="330" rx="40" fill="#c8102e"/>
    <rect x="290" y="50" width="60" height="50" fill="#333"/>`,
  // 安全出口: a green sign on a wall that darkens to the right.
  exit: `<linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#f4f4f4"/><stop offset="1" stop-color="#1a1a1a"/></linearGradient>
    <rect width="640" height="480" fill="url(#g)"/><rect x="200" y="150" width="240" height="110" fill="#0a8f3c"/>`,
  // 配电箱: vertical cable stripes.
  wiring: `<rect width="640" height="480" fill="#ddd"/>${Array.from({ length: 9 }, (_, i) => `<rect x="${i * 72}" y="0" width="36" height="480" fill="#111"/>`).join('')}`,
} as const;
export type DemoScene = keyof typeof scenes;

export function demoPhoto(scene: DemoScene): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><defs/>${scenes[scene]}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}
