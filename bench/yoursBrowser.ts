/** The browser half of bench/yours.ts (filled in with the page). */
export async function browserRun(_path: string): Promise<{
  rowsPerSecond: number;
  seconds: number;
  longTasks: { count: number; maxMs: number };
  fps: number;
}> {
  throw new Error("not yet");
}
