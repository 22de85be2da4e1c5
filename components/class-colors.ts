/**
 * Sets the class colours (lib/ui/class-colors.ts) on the page's root element when a page starts,
 * before anything renders. Set through the CSSOM: the pages' Content-Security-Policy
 * (`style-src 'self'`) refuses inline `<style>` elements, not properties set from script.
 */
import { classColorProperties } from '@/lib/ui/class-colors';

export function installClassColors(root: HTMLElement = document.documentElement): void {
  for (const [name, value] of classColorProperties()) root.style.setProperty(name, value);
}

installClassColors();
