import { describe, expect, it } from 'vitest';
import { VitrinaError } from '../errors/index.js';
import { publicError, statusOf } from './error-status.js';

describe('HTTP status of an error code', () => {
  it('answers 503 for bad data in a source file: the previous extract keeps serving, try again after the fix', () => {
    const e = new VitrinaError('DATA_INVALID', 'calls.csv line 12, column "duration": "abc" is not a number', {
      hint: 'fix the file; the last good load keeps serving',
    });
    expect(publicError(e)).toMatchObject({
      status: 503,
      body: { error: { code: 'DATA_INVALID', message: expect.stringMatching(/line 12/), hint: expect.any(String) } },
      internal: false,
    });
  });

  it('maps the viewer-facing codes to the statuses clients and proxies expect', () => {
    expect(statusOf('REPORT_NOT_FOUND')).toBe(404);
    expect(statusOf('PARAMETER_INVALID')).toBe(400);
    expect(statusOf('SOURCE_UNAVAILABLE')).toBe(503);
    expect(statusOf('QUERY_TIMEOUT')).toBe(504);
    expect(statusOf('UNAUTHENTICATED')).toBe(401);
    expect(statusOf('THROTTLED')).toBe(429);
  });

  it('never shows the text of an internal error (it may name files or SQL)', () => {
    const r = publicError(new Error('SELECT * FROM secret_table failed at /srv/app/x.js'));
    expect(r).toMatchObject({ status: 500, internal: true });
    expect(JSON.stringify(r.body)).not.toMatch(/secret_table|\/srv/);
  });
});
