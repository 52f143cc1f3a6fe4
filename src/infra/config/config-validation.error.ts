/**
 * A configuration the app cannot run with. `main.ts` prints its message alone
 * (no stack): one line per problem, each starting with the variable to fix.
 */
export class ConfigValidationError extends Error {
  static of(problems: string[]): ConfigValidationError {
    return new ConfigValidationError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}
