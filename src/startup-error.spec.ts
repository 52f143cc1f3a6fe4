import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigValidationError } from './infra/config/validate-env';
import { describeStartupError } from './startup-error';

describe('describeStartupError', () => {
  it('prints a configuration error as its message alone', () => {
    assert.equal(
      describeStartupError(new ConfigValidationError('Invalid configuration:\n  PORT: bad')),
      'Invalid configuration:\n  PORT: bad',
    );
  });

  it('prints any other Error with its stack', () => {
    const text = describeStartupError(new Error('pre-existing shared memory block is still in use'));
    assert.match(text, /^Startup failed: Error: pre-existing shared memory block is still in use\n\s+at /);
  });

  it('says that nothing was given when the rejection is undefined or null', () => {
    assert.equal(describeStartupError(undefined), 'Startup failed: a start-up step rejected with undefined and gave no reason');
    assert.equal(describeStartupError(null), 'Startup failed: a start-up step rejected with null and gave no reason');
  });

  it('prints strings and plain objects as they are', () => {
    assert.equal(describeStartupError('port taken'), 'Startup failed: port taken');
    assert.equal(describeStartupError({ code: 'EADDRINUSE', port: 54329 }), "Startup failed: { code: 'EADDRINUSE', port: 54329 }");
  });
});
