import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QueryFailedError } from 'typeorm';
import { isDataError, isRetryable, pgCode, pgProblem } from './pg-errors';

const pgError = (code: string, constraint?: string) =>
  new QueryFailedError('SELECT 1', [], Object.assign(new Error(`pg ${code}`), { code, ...(constraint ? { constraint } : {}) }));

describe('PostgreSQL error classification', () => {
  it('answers every integrity and data error with a 4xx, naming the constraint', () => {
    const cases: [string, number, string][] = [
      ['23502', 400, 'invalid_input.missing'],
      ['23503', 409, 'conflict.reference'],
      ['23505', 409, 'conflict.duplicate'],
      ['23514', 400, 'invalid_input.rule'],
      ['23P01', 409, 'conflict.overlap'],
      ['22P02', 400, 'invalid_input'],
      ['22021', 400, 'invalid_input'],
      ['22001', 400, 'invalid_input'],
      ['2200D', 400, 'invalid_input'],
      ['23000', 409, 'conflict'],
      ['54000', 400, 'invalid_input'],
      ['40P01', 409, 'conflict.concurrent'],
    ];
    for (const [code, status, problemCode] of cases) {
      const problem = pgProblem(pgError(code));
      assert.equal(problem?.status, status, code);
      assert.equal(problem?.code, problemCode, code);
    }
    assert.equal(pgProblem(pgError('23505', 'uq_businesses_slug'))?.code, 'conflict.duplicate.uq_businesses_slug');
  });

  it('leaves server-side failures and errors that are not PostgreSQL’s to the 500 path', () => {
    assert.equal(pgProblem(pgError('57P01')), undefined);
    assert.equal(pgProblem(pgError('08006')), undefined);
    assert.equal(pgProblem(new Error('boom')), undefined);
    assert.equal(pgProblem(Object.assign(new Error('socket'), { code: 'ECONNRESET' })), undefined);
    assert.equal(pgProblem(undefined), undefined);
  });

  it('reads raw pg errors as well as TypeORM-wrapped ones', () => {
    assert.equal(pgCode(Object.assign(new Error('raw'), { code: '23505' })), '23505');
    assert.equal(isRetryable(pgError('40001')), true);
    assert.equal(isDataError(pgError('22P02')), true);
    assert.equal(isDataError(pgError('57014')), false);
  });
});
