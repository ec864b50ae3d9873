/**
 * Runs `task` over `items`, `limit` at a time. After a task fails no new one starts; the
 * tasks under way finish, then the first failure is thrown — so that whoever cleans up after a
 * failure does so once nothing runs any more.
 */
export async function each<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const failures: Error[] = [];
  const worker = async (): Promise<void> => {
    while (failures.length === 0 && next < items.length) {
      const item = items[next] as T;
      next += 1;
      try {
        await task(item);
      } catch (error) {
        failures.push(error as Error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  const [first] = failures;
  if (first !== undefined) throw first;
}
