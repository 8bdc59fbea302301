// The icon set, named once for the manifest, the renderer and the tests.

export const ICON_SOURCE = 'icons/cors-lens.svg';

/**
 * 16, 32 and 48 for Chrome's toolbar, menus and chrome://extensions, 128 for installation and the stores; 48 and 96
 * are what addons.mozilla.org asks for (about:addons picks among them by pixel density).
 */
export const ICON_SIZES = [16, 32, 48, 96, 128];

export const iconFile = (size) => `icons/icon-${size}.png`;

/** The manifest's `icons`: size → file. */
export const manifestIcons = () => Object.fromEntries(ICON_SIZES.map((s) => [String(s), iconFile(s)]));

/** Chrome's guideline for the 128 px icon: 96 px of artwork with 16 px of transparent padding on each side. */
export const iconPadding = (size) => (size === 128 ? 16 : 0);
