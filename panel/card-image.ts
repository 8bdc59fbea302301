/**
 * DOM → PNG for the card, with modern-screenshot (a maintained SVG-foreignObject renderer): it copies computed
 * styles, so the card keeps the panel's theme and fonts. It is told never to fetch: no fonts to embed, and any
 * URL it asks for gets an empty image, so making a picture sends nothing anywhere.
 */

/** Device pixels per CSS pixel: sharp on a HiDPI screen and in a bug tracker that scales it down. */
export const CARD_SCALE = 2;
const SLACK = 16;

export async function cardPng(node: HTMLElement): Promise<Blob> {
  // Loaded on first use: most sessions never make a picture, and the panel opens faster without it.
  const { domToBlob } = await import('modern-screenshot');
  const background = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff';
  return domToBlob(node, {
    scale: CARD_SCALE,
    type: 'image/png',
    backgroundColor: background,
    font: false,
    fetchFn: async () => 'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
    // Text inside an SVG image can lay out a few pixels taller than in the page (seen in Chromium 156), which
    // cut the footer off: the picture gets room to spare below, in the card's own background.
    height: node.offsetHeight + SLACK,
    // The card sits off-screen in the panel; in the picture it starts at the origin.
    style: { position: 'static', left: '0', top: '0' },
  });
}
