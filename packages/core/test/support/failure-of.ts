/**
 * The error a call fails with, thrown or rejected alike (a credential's `authorize` may do
 * either); `undefined` when it succeeds.
 */
export async function failureOf(call: () => unknown): Promise<unknown> {
  try {
    await call();
    return undefined;
  } catch (error) {
    return error;
  }
}
