import { expect } from 'vitest';
import { loadConfig } from '../../src/engine/config/load-config';
import { ConfigError } from '../../src/engine/config/types';

/** The problems loadConfig reports for `env`; fails the test when it accepts it. */
export function configProblems(env: Record<string, string>): { variable: string; message: string }[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}
