import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIfStale, DIGEST_FILE, inputsDigest, SERVER_ENVIRONMENT, SERVER_NODE_FLAGS } from './build-if-stale.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'build-if-stale-'));
  mkdirSync(join(root, 'server', 'search'), { recursive: true });
  mkdirSync(join(root, 'out'));
  writeFileSync(join(root, 'server', 'main.ts'), 'main');
  writeFileSync(join(root, 'server', 'search', 'index.ts'), 'index');
  writeFileSync(join(root, 'package-lock.json'), '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const inputs = ['server', 'package-lock.json'];

describe('inputsDigest', () => {
  it('changes when a nested source file, a listed file or a file name changes', () => {
    const first = inputsDigest({ root, inputs });
    writeFileSync(join(root, 'server', 'search', 'index.ts'), 'index 2');
    const second = inputsDigest({ root, inputs });
    writeFileSync(join(root, 'package-lock.json'), '{"v":2}');
    const third = inputsDigest({ root, inputs });
    rmSync(join(root, 'server', 'main.ts'));
    writeFileSync(join(root, 'server', 'start.ts'), 'main');
    const fourth = inputsDigest({ root, inputs });
    expect(new Set([first, second, third, fourth]).size).toBe(4);
  });

  it('ignores tests and build output under the inputs', () => {
    const before = inputsDigest({ root, inputs });
    writeFileSync(join(root, 'server', 'main.test.ts'), 'a test');
    mkdirSync(join(root, 'server', 'dist'));
    writeFileSync(join(root, 'server', 'dist', 'main.js'), 'built');
    expect(inputsDigest({ root, inputs })).toBe(before);
  });
});

describe('buildIfStale', () => {
  it('builds the first time, not again while the inputs are unchanged, and again after a change', () => {
    let builds = 0;
    const build = () => {
      builds += 1;
      return true;
    };
    const run = () => buildIfStale({ root, inputs, outDir: 'out', build });
    expect([run(), run()]).toEqual([true, false]);
    writeFileSync(join(root, 'server', 'main.ts'), 'main 2');
    expect([run(), run()]).toEqual([true, false]);
    expect(builds).toBe(2);
    expect(readFileSync(join(root, 'out', DIGEST_FILE), 'utf8')).toBe(inputsDigest({ root, inputs }));
  });

  it('records nothing when the build fails, so the next start builds again', () => {
    expect(() => buildIfStale({ root, inputs, outDir: 'out', build: () => false })).toThrow('the build of out failed');
    expect(buildIfStale({ root, inputs, outDir: 'out', build: () => true })).toBe(true);
  });
});

describe('SERVER_NODE_FLAGS and SERVER_ENVIRONMENT', () => {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  const [, assignments = '', nodeArguments = ''] = /^(.*)\bnode (.*)scripts\/start\.js/u.exec(scripts.start ?? '') ?? [];

  it('are given to node by `npm start`, as the bench gives them to the server it starts', () => {
    expect(nodeArguments.trim().split(/\s+/u)).toEqual(SERVER_NODE_FLAGS);
    const environment = Object.fromEntries(
      [...assignments.matchAll(/(\w+)=(\S+)/gu)].map(([, name = '', value = '']): [string, string] => [name, value]),
    );
    expect(environment).toMatchObject(SERVER_ENVIRONMENT);
  });
});
