import QRCode from 'qrcode';

/** A QR code of `url` as PNG bytes for a printed card or label (ECC level M survives a scuffed sticker). */
export function qrPng(url: string, width = 360): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', width, margin: 1, errorCorrectionLevel: 'M' });
}
