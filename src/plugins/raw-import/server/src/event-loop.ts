/**
 * Long work done on the server's own thread (a job's split and writes) gives the event loop a turn
 * every few milliseconds, so other requests are answered meanwhile. This matters most on SQLite:
 * better-sqlite3 answers synchronously, so a chain of awaited queries is a chain of microtasks that
 * never lets a socket be read or a timer fire until it ends.
 */

/** Synchronous work allowed between two turns of the event loop. */
export const TURN_BUDGET_MS = 15;

/** Resolves after the event loop has run once (timers, sockets): setImmediate comes after the I/O poll. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A function to await between steps of a long stretch: it yields (nextTurn) once `budgetMs` has
 * passed since the last turn, and costs a clock read otherwise.
 */
export function createYielder(budgetMs = TURN_BUDGET_MS) {
  let last = performance.now();
  return async function yieldIfDue(): Promise<void> {
    if (performance.now() - last < budgetMs) return;
    await nextTurn();
    last = performance.now();
  };
}
