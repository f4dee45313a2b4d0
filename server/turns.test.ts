import { describe, expect, it } from 'vitest';
import { runInTurns, runToEnd, type Steps } from './turns.js';

function* threeSteps(log: string[]): Steps<string> {
  log.push('step 1');
  yield;
  log.push('step 2');
  yield;
  log.push('step 3');
  return 'done';
}

describe('steps run at once or in turns of the event loop', () => {
  it('runToEnd runs every step before anything else', () => {
    const log: string[] = [];
    setImmediate(() => log.push('turn'));
    expect(runToEnd(threeSteps(log))).toBe('done');
    expect(log).toEqual(['step 1', 'step 2', 'step 3']);
  });

  it('runInTurns lets what waits for the event loop run between steps', async () => {
    const log: string[] = [];
    setImmediate(() => log.push('turn'));
    await expect(runInTurns(threeSteps(log), { sliceMs: 0 })).resolves.toBe('done');
    expect(log.indexOf('turn')).toBeGreaterThan(0);
    expect(log.indexOf('turn')).toBeLessThan(log.indexOf('step 3'));
  });
});
