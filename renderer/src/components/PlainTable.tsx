// A light table for a grid of figures that changes as a whole with every answer (the 预测 分学段
// table follows a slider): plain <table> elements, no component per cell, so an answer renders
// its rows' text and little else (docs/ARCHITECTURE.md, "The 预测 slider's recompute"). It keeps
// the wide-table rule of the antd tables: the header sticks to the top of the page's scroller
// and the horizontal scroll bar to its bottom while the rows are on screen, and a fixed first
// column stays at the left edge.
import { memo, useLayoutEffect, useRef, type ReactNode } from 'react';
import './plain-table.css';

export interface PlainColumn {
  key: string;
  title: ReactNode;
  /** The least width; a column whose heading or figures need more is widened to fit them. */
  minWidth: number;
  align?: 'left' | 'right';
  /** Stays at the left edge while the table scrolls sideways. */
  fixed?: boolean;
}

interface Props {
  columns: readonly PlainColumn[];
  /** The body's rows: `<tr className="plain-table-row">` with one `<td>` per column (see plainCellClass). */
  children: ReactNode;
  testId?: string;
}

/** The class of a body cell in `column`, so that it aligns and sticks as its heading does. */
export function plainCellClass(column: PlainColumn): string | undefined {
  const names = [column.align === 'right' ? 'plain-right' : '', column.fixed ? 'plain-fixed' : ''].filter(Boolean);
  return names.length ? names.join(' ') : undefined;
}

const HeadRow = memo(function HeadRow({ columns }: { columns: readonly PlainColumn[] }) {
  return (
    <tr>
      {columns.map((c) => (
        <th key={c.key} className={plainCellClass(c)} style={{ width: c.minWidth }}>
          {c.title}
        </th>
      ))}
    </tr>
  );
});

/**
 * The body table lays its columns out from their content (a heading row is laid out in it but
 * collapsed, so headings count too); the visible header, a separate table so that it can stick
 * to the page's scroller, takes the widths the browser gave them, copied by a ResizeObserver
 * (after layout, before paint: no forced layout, no second frame).
 */
export function PlainTable({ columns, children, testId }: Props) {
  const headRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const barRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const head = headRef.current;
    const body = bodyRef.current;
    const bar = barRef.current;
    const sizers = body?.querySelectorAll<HTMLTableCellElement>('thead th');
    const table = body?.querySelector('table');
    const headTable = head?.querySelector('table');
    if (!head || !body || !bar || !sizers || !table || !headTable) return;
    const cols = headTable.querySelectorAll<HTMLTableColElement>('col');
    const copy = () => {
      // Every width read before any is written: a read after a write lays the page out again,
      // once per column (on 预测 that was a third of a revisit's script time).
      const widths = Array.from(sizers, (th) => th.getBoundingClientRect().width);
      const width = `${table.getBoundingClientRect().width}px`;
      widths.forEach((w, i) => cols[i]?.style.setProperty('width', `${w}px`));
      headTable.style.width = width;
      (bar.firstElementChild as HTMLElement | null)?.style.setProperty('width', width);
      head.scrollLeft = body.scrollLeft;
    };
    const observer = new ResizeObserver(copy);
    observer.observe(table);
    sizers.forEach((th) => observer.observe(th));
    return () => observer.disconnect();
  }, [columns]);

  // One scroll position for the three: the body (wheel, touch pad), the bar (dragged) and the header.
  const follow = (from: HTMLDivElement | null) => {
    const x = from?.scrollLeft ?? 0;
    for (const el of [headRef.current, bodyRef.current, barRef.current]) if (el && el !== from && el.scrollLeft !== x) el.scrollLeft = x;
  };

  return (
    <div className="plain-table" data-testid={testId}>
      <div className="plain-table-head" ref={headRef}>
        <table>
          <colgroup>
            {columns.map((c) => (
              <col key={c.key} />
            ))}
          </colgroup>
          <thead>
            <HeadRow columns={columns} />
          </thead>
        </table>
      </div>
      <div className="plain-table-body" ref={bodyRef} onScroll={() => follow(bodyRef.current)}>
        <table>
          <thead className="plain-table-sizer" aria-hidden="true">
            <HeadRow columns={columns} />
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
      <div className="plain-table-scroll" ref={barRef} onScroll={() => follow(barRef.current)}>
        <div />
      </div>
    </div>
  );
}
