// A cache that keeps promises would answer a rejected one to every later call, so one passing
// failure (a module that did not load, a busy machine) would stay until the data change or the
// app restarts. Each such cache drops its entry when the promise rejects.

/**
 * `promise`, after arranging that `forget` runs if it rejects. `forget` runs before any handler
 * the caller attaches later, so a caller that saw the failure finds the entry already gone.
 */
export function forgetIfRejected<T>(promise: Promise<T>, forget: () => void): Promise<T> {
  promise.catch(forget);
  return promise;
}
