import { vi } from 'vitest';

/**
 * Runs `work` with this process's stderr captured instead of printed, and returns what was
 * written: a test that provokes an expected error asserts the hub's log line about it rather
 * than printing an ERROR with a stack trace into a passing run.
 */
export async function captureStderr<T>(work: () => T | Promise<T>): Promise<{ result: T; output: string }> {
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const result = await work();
    return { result, output: spy.mock.calls.map((call) => String(call[0])).join('') };
  } finally {
    spy.mockRestore();
  }
}
