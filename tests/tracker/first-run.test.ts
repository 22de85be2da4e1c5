import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import { isFirstInstall, startFirstRun } from '@/lib/browser/first-run';

const browser = fakeBrowser as unknown as WxtBrowser;
const welcomeTabs = async () => (await fakeBrowser.tabs.query({})).filter((t) => t.url?.endsWith('/welcome.html'));

beforeEach(() => fakeBrowser.reset());

describe('first run', () => {
  it.each([
    ['install', true],
    ['update', false],
    ['chrome_update', false],
    ['browser_update', false],
    ['shared_module_update', false],
    [undefined, false],
  ])('reason %s → welcome page %s', (reason, expected) => {
    expect(isFirstInstall(reason)).toBe(expected);
  });

  it('opens the welcome page on install, and nothing on an update', async () => {
    startFirstRun({ browser });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9', temporary: false });
    expect(await welcomeTabs()).toHaveLength(0);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await new Promise((r) => setTimeout(r, 0));
    expect(await welcomeTabs()).toHaveLength(1);
  });

  it('a worker restart (no onInstalled event) opens nothing', async () => {
    startFirstRun({ browser });
    startFirstRun({ browser }); // the worker started again: listeners registered, no event
    expect(await welcomeTabs()).toHaveLength(0);
  });
});
