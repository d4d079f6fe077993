/**
 * Installs the service worker built by vite-plugin-pwa (ADR 0025) — in production builds only (the dev server has
 * none). It is installed when a user first opens the phone's check pages, the pages that must work without a network;
 * once installed the browser keeps it up to date by itself on later visits.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
    // Without a service worker the pages still work online; nothing to tell the user.
  });
}
