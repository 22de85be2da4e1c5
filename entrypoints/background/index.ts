export default defineBackground(() => {
  // wired in lib/browser/service.ts
});
