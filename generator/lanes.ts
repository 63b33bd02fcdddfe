// A few file-system calls at a time instead of one: a corpus writes hundreds of small files,
// and each call waits on the thread pool. On the first failure no new item starts; the rest finish
// before the error is thrown, so nothing is still writing when the caller cleans up.
export async function inLanes<T>(items: readonly T[], fn: (item: T) => Promise<void>, lanes = 16): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await fn(item);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(lanes, items.length) }, lane));
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (rejected) throw rejected.reason;
}
