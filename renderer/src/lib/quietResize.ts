// ResizeObserver, told only of real changes. A kept page is taken out of the document while
// another is shown (layout/keptPages.tsx): every element observed in it then reads 0 × 0, and
// reads its old size again when the page comes back. antd's tables and the other observers
// rendered the page again both times (学校: every cell of its table, twice per switch) for a
// size that had not changed. This observer drops a notice for an element out of the document,
// and one repeating the size its callback last heard; the first notice after observe() always
// goes through. Installed before anything observes (main.tsx).
function sizeOf(entry: ResizeObserverEntry): string {
  const box = entry.borderBoxSize?.[0];
  return `${entry.contentRect.width}x${entry.contentRect.height}/${box?.inlineSize ?? ''}x${box?.blockSize ?? ''}`;
}

export function quietResizeObserver(Native: typeof ResizeObserver): typeof ResizeObserver {
  return class QuietResizeObserver extends Native {
    private readonly heard: WeakMap<Element, string>;

    constructor(callback: ResizeObserverCallback) {
      const heard = new WeakMap<Element, string>();
      super((entries, observer) => {
        const changed = entries.filter((entry) => {
          const before = heard.get(entry.target);
          const size = sizeOf(entry);
          if (before !== undefined && (!entry.target.isConnected || before === size)) return false;
          heard.set(entry.target, size);
          return true;
        });
        if (changed.length > 0) callback(changed, observer);
      });
      this.heard = heard;
    }

    override observe(target: Element, options?: ResizeObserverOptions): void {
      this.heard.delete(target);
      super.observe(target, options);
    }
  };
}

export function installQuietResizeObserver(): void {
  if (typeof window.ResizeObserver === 'function') window.ResizeObserver = quietResizeObserver(window.ResizeObserver);
}
