import { defineConfig } from 'wxt';

// Manifest permissions are deliberately minimal. No host_permissions, no <all_urls>:
// the tracker reads tab URLs through the `tabs` permission only. See docs/privacy.md.
/**
 * Fewer, larger chunks for the extension pages (the background is one IIFE and is left alone):
 * each chunk is one more resource request before a page's script can run. Chart.js stays apart
 * (only the dashboard and the team view load it, on demand).
 */
function pageChunks() {
  return {
    name: 'creative-ratio:page-chunks',
    config(config: { build?: { lib?: unknown; rollupOptions?: { output?: unknown } } }) {
      const output = config.build?.rollupOptions?.output;
      if (config.build?.lib || !output || Array.isArray(output)) return null;
      return {
        build: {
          rollupOptions: {
            output: {
              manualChunks(id: string): string | undefined {
                if (/node_modules[\\/](chart\.js|@kurkle)[\\/]/.test(id)) return 'chartjs';
                if (/node_modules[\\/]/.test(id)) return 'vendor';
                return undefined;
              },
              experimentalMinChunkSize: 20_000,
            },
          },
        },
      };
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  srcDir: '.',
  // No auto-imports: every module says where its names come from (auto-imports once injected a
  // component export into an unrelated method and made a circular import).
  imports: false,
  outDir: '.output',
  manifest: ({ browser }) => ({
    name: 'Creative Ratio',
    description:
      'How much of your week is creative work vs coordination — measured privately, on your own machine.',
    permissions: ['tabs', 'webNavigation', 'idle', 'alarms', 'storage', 'unlimitedStorage', 'notifications'],
    incognito: 'not_allowed',
    action: { default_title: 'Creative Ratio' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'creative-ratio@local',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  webExt: { disabled: true },
  vite: () => ({ plugins: [pageChunks()] }),
});
