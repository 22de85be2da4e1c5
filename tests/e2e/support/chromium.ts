/** The browser the e2e tests drive. Missing Chromium is an error with install instructions, never a skip. */
export { automationArgs, findChromium, INSTALL_HINT } from '../../../scripts/browser.ts';
