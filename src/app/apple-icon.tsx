import { ImageResponse } from 'next/og';

export const size = { width: 180, height: 180 };
export const contentType = 'image/png';

/** The brand's initials (Admin Hub): a mark, the same in every language, not words to translate. */
const BRAND_INITIALS = 'AH';

/** The home-screen icon (a PNG: iOS ignores SVG icons), drawn at build time like icon.svg. */
export default function AppleIcon() {
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#1e2433',
        color: '#e8ecf4',
        fontSize: 88,
        fontWeight: 700,
      }}
    >
      {BRAND_INITIALS}
    </div>,
    size,
  );
}
