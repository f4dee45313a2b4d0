import { describe, expect, it } from 'vitest';
import { errorsSeenIn } from './errors-seen-in.js';

/** Feeds `answer` to a watcher in pieces of `size` bytes and says whether it saw errors. */
function watch(answer: string, size: number, watcher = errorsSeenIn()): boolean {
  const bytes = Buffer.from(answer);
  for (let at = 0; at < bytes.length; at += size) watcher.chunk(bytes.subarray(at, at + size));
  return watcher.answered();
}

const withErrors = '{"errors":[{"message":"Unexpected error."}],"data":{"task":null}}';
const withoutErrors =
  '{"data":{"search":[{"id":"doc:粤府办〔2024〕1号#一","title":"深化医药卫生体制改革"}]},"extensions":{"storeQueries":0}}';

describe('errorsSeenIn', () => {
  it('sees the errors key of an answer in one piece or split across any boundary', () => {
    for (let size = 1; size <= withErrors.length; size += 1) expect(watch(withErrors, size)).toBe(true);
  });

  it('sees no errors in an answer without them, whatever its pieces (Chinese text split mid-character too)', () => {
    for (let size = 1; size <= withoutErrors.length; size += 1) expect(watch(withoutErrors, size)).toBe(false);
  });

  it('starts afresh with each answer: errors are not carried over, nor are the bytes before a boundary', () => {
    const watcher = errorsSeenIn();
    expect(watch(withErrors, 5, watcher)).toBe(true);
    expect(watch(withoutErrors, 5, watcher)).toBe(false);
    // The first answer's last bytes with the next one's first must not make up the key.
    watcher.chunk(Buffer.from('{"data":{"x":"a"'));
    expect(watcher.answered()).toBe(false);
    watcher.chunk(Buffer.from('errors"}}'));
    expect(watcher.answered()).toBe(false);
  });
});
