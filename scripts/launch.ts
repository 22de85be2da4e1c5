/**
 * `npm start`: open Chromium with the freshly built extension in a throw-away profile.
 *
 * Uses CHROMIUM_PATH, else /usr/bin/chromium, chromium, chromium-browser, google-chrome-for-testing.
 * Branded Google Chrome 137+ ignores --load-extension; use Chromium or Chrome for Testing, or load
 * the extension by hand (instructions below). Without a display it prints those instructions and
 * exits 0. Ctrl-C closes the browser and removes the profile.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, hasDisplay, launchProfile, unpackedExtensionId } from './browser.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extensionDir = path.join(root, '.output', 'chrome-mv3');
const relativeDir = path.relative(process.cwd(), extensionDir) || '.';

function byHand(reason: string): string {
  return [
    reason,
    '',
    'To use Creative Ratio in your own Chromium-based browser:',
    '  1. Open chrome://extensions',
    '  2. Turn on "Developer mode" (top right)',
    `  3. Click "Load unpacked" and choose ${extensionDir}`,
    '',
    'To let `npm start` open a browser for you, install Chromium (Debian/Ubuntu: sudo apt-get install chromium)',
    'or Chrome for Testing, or set CHROMIUM_PATH. Branded Google Chrome 137+ ignores --load-extension.',
  ].join('\n');
}

async function main(): Promise<number> {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    console.error(`No build at ${relativeDir}. Run \`npx wxt build\` first (\`npm start\` does).`);
    return 1;
  }
  if (!hasDisplay()) {
    console.log(
      byHand('No display found (DISPLAY and WAYLAND_DISPLAY are unset), so no browser window can be opened.'),
    );
    return 0;
  }
  let executable: string;
  try {
    executable = findChromium();
  } catch (error) {
    console.error(byHand((error as Error).message));
    return 1;
  }

  // The dashboard if there is one, else the popup, opened as a tab.
  const page = ['dashboard.html', 'popup.html'].find((file) => existsSync(path.join(extensionDir, file)));
  const urls = page ? [`chrome-extension://${unpackedExtensionId(extensionDir)}/${page}`] : [];

  // Chromium refuses to run as root (containers, CI) without --no-sandbox.
  const extraArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const browser = launchProfile({ extensionDir, executable, urls, extraArgs });
  console.log(`Opened ${executable} with ${relativeDir} in a throw-away profile (${browser.profileDir}).`);
  console.log('Close the browser or press Ctrl-C to stop; the profile is deleted on exit.');
  return browser.exited;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
