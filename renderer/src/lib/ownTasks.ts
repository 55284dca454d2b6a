// Work for a page being built ahead, one piece per task of the event loop. React commits a page
// built ahead in one task; a chart drawn in that commit (echarts.init reads the container's size,
// which lays out the whole new page there and then) made it 150–300 ms long, and a click that
// came meanwhile waited for all of it. Run here, each piece is a task of its own: the browser
// lays the page out between them and puts the planner's input first.

const queue: (() => void)[] = [];
const channel = new MessageChannel();
let posted = false;

channel.port1.onmessage = () => {
  posted = false;
  queue.shift()?.();
  if (queue.length > 0) post();
};

function post(): void {
  if (posted) return;
  posted = true;
  channel.port2.postMessage(null);
}

/** Runs `job` in a task of its own, after those queued before it; the function returned drops it if not yet run. */
export function inOwnTask(job: () => void): () => void {
  const entry = () => job();
  queue.push(entry);
  post();
  return () => {
    const at = queue.indexOf(entry);
    if (at >= 0) queue.splice(at, 1);
  };
}

/** Pieces queued and not yet run: a page built ahead is not drawn until there are none. */
export function ownTasksPending(): number {
  return queue.length;
}
