/**
 * @module `npx tsx bench/text-reuse.ts`: time of aligning two documents of about 30,000
 * characters (issue 17), made from the seeds and the real documents: a copy with an edit every 500
 * characters, and two unrelated texts. Median of five runs each, printed as one line per case.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { alignTexts } from '../ingest/analyse/text-reuse/align-texts.js';

const read = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(`${dir}/${name}`, 'utf8'));
const seeds = read('seeds').join('\n').slice(0, 30_000);
const real = read('tests/fixtures/real').join('\n').slice(0, 30_000);
let edited = '';
for (let at = 0; at < seeds.length; at += 500) edited += seeds.slice(at, at + 480) + '结合本地实际';

function time(name: string, a: string, b: string) {
  const runs: number[] = [];
  let shares = '';
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    const reuse = alignTexts(a, b);
    runs.push(performance.now() - start);
    shares = `shareA ${reuse.shareA.toFixed(3)} shareB ${reuse.shareB.toFixed(3)} passages ${reuse.passages.length}`;
  }
  runs.sort((x, y) => x - y);
  process.stdout.write(
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- runs holds the 5 runs above
    `${name.padEnd(40)} ${a.length} × ${b.length} chars: median ${runs[2]!.toFixed(0)} ms (min ${runs[0]!.toFixed(0)}, max ${runs[4]!.toFixed(0)}); ${shares}\n`,
  );
}

time('copy with an edit every 500 characters', seeds, edited);
time('unrelated documents', seeds, real);
time('identical documents', real, real);
