// The selected page lives in the address hash (#p=schools) next to the loopback host's
// token (#t=…), so a reload keeps the page; other hash parameters are preserved.

export const PAGES = ['overview', 'import', 'schools', 'population', 'forecast', 'plan', 'annex', 'settings', 'map'] as const;
export type PageKey = (typeof PAGES)[number];

function isPage(value: string | null): value is PageKey {
  return value !== null && (PAGES as readonly string[]).includes(value);
}

export function pageFromHash(): PageKey {
  const value = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('p');
  return isPage(value) ? value : 'overview';
}

export function writePageToHash(page: PageKey): void {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  params.set('p', page);
  // replaceState: switching pages should not fill the back history of a desktop window.
  window.history.replaceState(null, '', `#${params.toString()}`);
}
