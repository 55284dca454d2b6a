import { Table, type TableProps } from 'antd';

/** The element the pages scroll in (the layout's content area), or the window before it exists. */
function pageScroller(): HTMLElement | Window {
  return document.querySelector<HTMLElement>('.app-content') ?? window;
}

/**
 * A table wider than the window keeps its horizontal scroll bar at the bottom of the page's
 * view (and its header at the top) while any of its rows are on screen: otherwise, at
 * 1280 × 720, the bar sits below the fold and the columns to the right look absent.
 */
export const STICKY_SCROLL: TableProps<object>['sticky'] = { getContainer: pageScroller };

/**
 * The app's tables: small rows and every row on one page (the lists are a county's, a few
 * hundred rows at most, and long ones scroll inside their box).
 */
export function CompactTable<T extends object>(props: TableProps<T>) {
  const sticky = props.sticky ?? (props.scroll?.x ? STICKY_SCROLL : undefined);
  return <Table<T> size="small" pagination={false} {...props} sticky={sticky} />;
}
