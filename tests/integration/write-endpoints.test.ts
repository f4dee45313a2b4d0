/**
 * The write endpoints against a real temporary Kuzu store: read-only by default, the bearer token,
 * upload limits and type checks, bad documents storing nothing, and curation decisions that change
 * the store and survive the next ingest of the document.
 */
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { reviewedLinksSchema } from '../../ingest/link/reviewed-links.js';
import { createApp, type App } from '../../server/app.js';
import { silentLogger } from '../../server/logger.js';
import { postGraphQL } from '../../server/testing/graphql-request.js';
import { graphSnapshot } from '../support/graph-snapshot.js';
import { readJson, type WriteAnswer } from '../support/json-answer.js';
import { useAppWithWrites, WRITE_TOKEN } from '../support/app-with-writes.js';
import type { TempStore } from '../support/temp-kuzu.js';
import { copyReferenceData, type TempReferenceData } from '../support/temp-reference-data.js';

const SIXIAN = readFileSync('seeds/002_c6b286a5770366cf.txt');
const LINFEN = readFileSync('seeds/004_097bdcb5c9a3e0ad.txt');

function upload(app: App, name: string | null, body: BodyInit, headers: Record<string, string> = {}) {
  return app.fetch('http://localhost/api/documents', {
    method: 'POST',
    headers: { authorization: `Bearer ${WRITE_TOKEN}`, ...(name === null ? {} : { 'x-file-name': encodeURIComponent(name) }), ...headers },
    body,
  });
}

function curate(app: App, body: Record<string, unknown>, token = WRITE_TOKEN) {
  return app.fetch('http://localhost/api/curation', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function checksum(temp: TempStore): Promise<string> {
  return (await graphSnapshot(temp.store)).checksum;
}

const reviewedEntries = (reference: TempReferenceData) =>
  reviewedLinksSchema.parse(JSON.parse(readFileSync(reference.reviewedLinksFile, 'utf8'))).entries;

describe('a server started without a write token', () => {
  const setup = useAppWithWrites({ token: null });

  it('refuses uploads and curation with 403 and says how to enable writes, whatever token is sent', async () => {
    const before = await checksum(setup.temp);
    for (const response of [
      await upload(setup.app, 'sixian.txt', SIXIAN),
      await upload(setup.app, 'sixian.txt', SIXIAN, { authorization: 'Bearer anything-at-all-here' }),
      await curate(setup.app, { taskId: 't', nationalItemId: 'n', decision: 'add', note: 'n', reviewer: 'r' }),
    ]) {
      expect(response.status).toBe(403);
      const body = await readJson<WriteAnswer>(response);
      expect(body.code).toBe('WRITES_DISABLED');
      expect(body.error).toContain('REFORMGRAPH_WRITE_TOKEN');
    }
    expect(await checksum(setup.temp)).toBe(before);
    expect(reviewedEntries(setup.reference)).toEqual(reviewedEntries(copyReferenceData()));
  });

  it('has no GraphQL mutations at all', async () => {
    const answer = await postGraphQL(setup.app, `mutation { ingest(file: "x") }`);
    expect(answer.errors?.[0]?.message).toMatch(/mutation/i);
    const { data } = await postGraphQL<{ __schema: { mutationType: unknown; subscriptionType: unknown } }>(
      setup.app,
      `{ __schema { mutationType { name } subscriptionType { name } } }`,
    );
    expect(data?.__schema).toEqual({ mutationType: null, subscriptionType: null });
  });
});

describe('a server with a write token', () => {
  const setup = useAppWithWrites({ searchIndex: true });

  describe('authorisation', () => {
    it('answers 401 to a missing, wrong, differently long or non-bearer token', async () => {
      const attempts: Record<string, string>[] = [
        {},
        { authorization: `Bearer ${WRITE_TOKEN.slice(0, -1)}x` },
        { authorization: `Bearer ${WRITE_TOKEN}${WRITE_TOKEN}` },
        { authorization: `Basic ${Buffer.from(`user:${WRITE_TOKEN}`).toString('base64')}` },
        { authorization: WRITE_TOKEN },
      ];
      const before = await checksum(setup.temp);
      for (const headers of attempts) {
        const response = await setup.app.fetch('http://localhost/api/documents', {
          method: 'POST',
          headers: { 'x-file-name': 'sixian.txt', ...headers },
          body: SIXIAN,
        });
        expect(response.status, JSON.stringify(headers)).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect((await readJson<WriteAnswer>(response)).code).toBe('UNAUTHORIZED');
      }
      expect((await curate(setup.app, { taskId: 't' }, 'wrong-token-wrong-token')).status).toBe(401);
      expect(await checksum(setup.temp)).toBe(before);
    });

    it('accepts only POST and knows only its two endpoints', async () => {
      const get = await setup.app.fetch('http://localhost/api/documents', { headers: { authorization: `Bearer ${WRITE_TOKEN}` } });
      expect(get.status).toBe(405);
      expect(get.headers.get('allow')).toBe('POST');
      const elsewhere = await setup.app.fetch('http://localhost/api/drop-everything', {
        method: 'POST',
        headers: { authorization: `Bearer ${WRITE_TOKEN}` },
      });
      expect(elsewhere.status).toBe(404);
    });
  });

  describe('upload', () => {
    it('loads a document sent as the raw body, answers 201 with its summary and makes it searchable at once', async () => {
      const query = `{ policies(jurisdictionId: "341324") { sourceFile } search(text: "国医堂") { key } }`;
      // The same request before the upload: its answer, shared until the next write, must not outlive it.
      const before = await postGraphQL<{ policies: unknown[]; search: unknown[] }>(setup.app, query);
      expect(before.data).toEqual({ policies: [], search: [] });
      const response = await upload(setup.app, '泗县2021.txt', SIXIAN);
      expect(response.status).toBe(201);
      const body = await readJson<WriteAnswer>(response);
      expect(body).toMatchObject({ ok: true, outcome: 'created', file: '泗县2021.txt' });
      // 泗县 is 341324 in GB/T 2260; the seed numbers items （一） to （十九）.
      expect(body.summary).toMatchObject({ jurisdictionId: '341324', items: 19 });
      const { data } = await postGraphQL<{ policies: { sourceFile: string }[]; search: { key: string }[] }>(setup.app, query);
      expect(data?.policies).toEqual([{ sourceFile: '泗县2021.txt' }]);
      expect(data?.search.map((hit) => hit.key)).toEqual(['（十五）']);
    });

    it('shows an uploaded document in the coverage matrix of every jurisdiction, read before the upload', async () => {
      const CELLS = `cells { nationalItemId jurisdictionId taskIds possibleTaskIds documentIds status }`;
      interface Coverage {
        jurisdictions: { id: string }[];
        cells: unknown[];
      }
      const every = async () =>
        (await postGraphQL<{ coverage: Coverage }>(setup.app, `{ coverage { jurisdictions { id } ${CELLS} } }`)).data!.coverage;
      const before = await every();
      // 资阳市 is 512000.
      expect(before.jurisdictions.map((j) => j.id)).not.toContain('512000');
      expect((await upload(setup.app, '资阳2017.txt', readFileSync('seeds/001_8b093ff0cb75f7ca.txt'))).status).toBe(201);
      const after = await every();
      const ids = after.jurisdictions.map((j) => j.id);
      expect(ids).toContain('512000');
      // Brought up to date from the matrix before (its columns of the jurisdictions the upload changed
      // built again), it is the matrix those jurisdictions' triples give when built whole.
      const whole = await postGraphQL<{ coverage: Coverage }>(
        setup.app,
        `query($ids: [ID!]) { coverage(jurisdictionIds: $ids) { ${CELLS} } }`,
        {
          ids,
        },
      );
      expect(after.cells).toEqual(whole.data!.coverage.cells);
      expect(after.cells.length).toBeGreaterThan(before.cells.length);
      // A document of a jurisdiction there already, its last item gone: that column alone built again.
      const shorter = SIXIAN.subarray(0, SIXIAN.lastIndexOf('\n（'));
      expect((await upload(setup.app, '泗县2021.txt', shorter)).status).toBe(200);
      const changed = await every();
      expect(changed.jurisdictions.map((j) => j.id)).toEqual(ids);
      expect(changed.cells).not.toEqual(after.cells);
      const wholeAgain = await postGraphQL<{ coverage: Coverage }>(
        setup.app,
        `query($ids: [ID!]) { coverage(jurisdictionIds: $ids) { ${CELLS} } }`,
        { ids },
      );
      expect(changed.cells).toEqual(wholeAgain.data!.coverage.cells);
      expect((await upload(setup.app, '泗县2021.txt', SIXIAN)).status).toBe(200);
    });

    it('answers a comparison of two other jurisdictions after an upload as before it', async () => {
      const compare = async () =>
        (
          await postGraphQL<{ compare: unknown }>(
            setup.app,
            `{ compare(a: "341324", b: "512000") { documentsA { id } onlyB { tasksB { id } } } }`,
          )
        ).data;
      // 泗县 (341324) and 资阳 (512000) are loaded; 三明 (350400) is the seed uploaded now.
      const before = await compare();
      expect(before).toMatchObject({ compare: { documentsA: [{}] } });
      expect((await upload(setup.app, '三明2024.txt', readFileSync('seeds/003_94d87789946e72f3.txt'))).status).toBe(201);
      expect(await compare()).toEqual(before);
    });

    it('answers 200 "unchanged" to the same document again and writes nothing', async () => {
      const before = await checksum(setup.temp);
      const response = await upload(setup.app, '泗县2021.txt', SIXIAN);
      expect(response.status).toBe(200);
      expect((await readJson<WriteAnswer>(response)).outcome).toBe('unchanged');
      expect(await checksum(setup.temp)).toBe(before);
    });

    it('takes a multipart form with the file in "file", and keeps only the last segment of the name', async () => {
      const form = new FormData();
      form.set('file', new Blob([LINFEN], { type: 'text/plain' }), '../../etc/临汾.txt');
      const response = await setup.app.fetch('http://localhost/api/documents', {
        method: 'POST',
        headers: { authorization: `Bearer ${WRITE_TOKEN}` },
        body: form,
      });
      expect(response.status).toBe(201);
      const body = await readJson<WriteAnswer>(response);
      expect(body.file).toBe('临汾.txt');
      // 临汾市 is 141000.
      expect(body.summary?.jurisdictionId).toBe('141000');
    });

    it("loads an HTML page sent as .xls, as a web system's 导出Excel sends it, under its name and with a warning saying what it held", async () => {
      const name = '德清2020分工.xls';
      const response = await upload(
        setup.app,
        name,
        readFileSync('tests/fixtures/formats/deqing-2020-health-reform-task-division-web-export.xls'),
      );
      expect(response.status).toBe(201);
      // 德清县 is 330521.
      expect((await readJson<WriteAnswer>(response)).summary).toMatchObject({ jurisdictionId: '330521', items: 4 });
      const { data } = await postGraphQL<{ policies: { sourceFile: string; warnings: string[] }[] }>(
        setup.app,
        `{ policies(jurisdictionId: "330521") { sourceFile warnings } }`,
      );
      expect(data?.policies.map((policy) => policy.sourceFile)).toEqual([name]);
      expect(data?.policies[0]?.warnings).toContain('@0 content-format: named .xls but its content is html: read as html');
    });

    it('refuses a file of the wrong type with 415, by extension and by its first bytes, storing nothing', async () => {
      const before = await checksum(setup.temp);
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
      const cases: [string, Uint8Array<ArrayBuffer> | Buffer<ArrayBuffer>, RegExp][] = [
        ['plan.exe', SIXIAN, /unsupported file type "\.exe"/],
        ['plan', SIXIAN, /unsupported file type "\(none\)"/],
        ['plan.odt', readFileSync('tests/fixtures/bad/broken.doc'), /unsupported file type "\.odt"/],
        [
          'plan.xls',
          readFileSync('tests/fixtures/formats/cells.doc'),
          /plan\.xls: named \.xls but it holds no Workbook stream \(it is a Word 97–2003 document\)/,
        ],
        ['plan.pdf', SIXIAN, /plan\.pdf: not a PDF/],
        ['plan.doc', SIXIAN, /plan\.doc: not a \.doc \(a \.doc is an OLE compound file/],
        ['plan.docx', readFileSync('tests/fixtures/bad/not-a-zip.docx'), /plan\.docx: not a \.docx/],
        ['plan.txt', png, /plan\.txt: named \.txt but its content is a PNG image/],
        ['plan.html', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /a zip archive/],
      ];
      for (const [name, bytes, message] of cases) {
        const response = await upload(setup.app, name, bytes);
        expect(response.status, name).toBe(415);
        expect((await readJson<WriteAnswer>(response)).error, name).toMatch(message);
      }
      expect(await checksum(setup.temp)).toBe(before);
    });

    it('answers 422 with the file name and the reason for a document the pipeline refuses, storing nothing', async () => {
      const before = await checksum(setup.temp);
      const cases: [string, string, RegExp][] = [
        ['no-structure.txt', 'tests/fixtures/bad/no-structure.txt', /^no-structure\.txt: no numbered work items/],
        ['random-binary.txt', 'tests/fixtures/bad/random-binary.txt', /^random-binary\.txt: .*binary/],
        ['truncated-utf8.txt', 'tests/fixtures/bad/truncated-utf8.txt', /^truncated-utf8\.txt: /],
        ['scan.pdf', 'tests/fixtures/bad/no-text-layer.pdf', /^scan\.pdf: no text layer/],
        ['empty.txt', 'tests/fixtures/bad/empty.txt', /^empty\.txt: empty file/],
      ];
      for (const [name, fixture, message] of cases) {
        const response = await upload(setup.app, name, readFileSync(fixture));
        const body = await readJson<WriteAnswer>(response);
        expect(response.status, name).toBe(422);
        expect(body.error, name).toMatch(message);
        expect(body.error, name).not.toContain('/tmp');
      }
      expect(await checksum(setup.temp)).toBe(before);
    });

    it('answers 400 when the upload has no name', async () => {
      expect((await upload(setup.app, null, SIXIAN)).status).toBe(400);
      expect((await upload(setup.app, '../..', SIXIAN)).status).toBe(415);
    });
  });

  describe('size limits', () => {
    let small: App;
    beforeAll(() => {
      small = createApp({
        store: setup.temp.store,
        logger: silentLogger,
        writes: { token: WRITE_TOKEN, seedsDir: setup.reference.dir, maxUploadBytes: 4096 },
      });
    });

    it('refuses an upload above the limit with 413 by its Content-Length, before processing it', async () => {
      const before = await checksum(setup.temp);
      const response = await upload(small, 'big.txt', SIXIAN);
      expect(response.status).toBe(413);
      expect((await readJson<WriteAnswer>(response)).error).toContain('4096');
      expect(await checksum(setup.temp)).toBe(before);
    });

    it('refuses a chunked upload (no Content-Length) once it passes the limit, over real HTTP', async () => {
      const server: Server = createServer(small.requestListener);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const status = await new Promise<number>((resolve, reject) => {
          const req = httpRequest(
            {
              host: '127.0.0.1',
              port,
              path: '/api/documents',
              method: 'POST',
              headers: { authorization: `Bearer ${WRITE_TOKEN}`, 'x-file-name': 'big.txt', 'transfer-encoding': 'chunked' },
            },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          );
          req.on('error', reject);
          // 16 chunks of 1 KiB: four times the limit, none of them announced in advance.
          for (let i = 0; i < 16; i += 1) req.write(SIXIAN.subarray(i * 1024, (i + 1) * 1024));
          req.end();
        });
        expect(status).toBe(413);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });

  describe('curation', () => {
    interface StoredTask {
      id: string;
      key: string;
      text: string;
      implements: { nationalItem: { id: string }; curated: boolean; method: string }[];
    }

    async function sixianTasks(): Promise<StoredTask[]> {
      const { data } = await postGraphQL<{ policies: { tasks: StoredTask[] }[] }>(
        setup.app,
        `{ policies(jurisdictionId: "341324") { tasks { id key text implements { nationalItem { id } curated method } } } }`,
      );
      return data!.policies[0]!.tasks;
    }
    const byKey = async (key: string) => (await sixianTasks()).find((task) => task.key === key)!;

    /** Tasks in a cell of the coverage matrix over every jurisdiction (the server keeps it between writes). */
    async function coverageCell(nationalItemId: string, jurisdictionId: string): Promise<string[]> {
      const { data } = await postGraphQL<{ coverage: { cells: { nationalItemId: string; jurisdictionId: string; taskIds: string[] }[] } }>(
        setup.app,
        `{ coverage { cells { nationalItemId jurisdictionId taskIds } } }`,
      );
      return (
        data!.coverage.cells.find((cell) => cell.nationalItemId === nationalItemId && cell.jurisdictionId === jurisdictionId)?.taskIds ?? []
      );
    }

    it('rejects a link: gone from the store, recorded in the reviewed-links file', async () => {
      // （二） "加快推进新冠病毒疫苗接种" is linked to the vaccination item by the linker.
      const task = await byKey('（二）');
      expect(task.implements.map((link) => link.nationalItem.id)).toContain('public-health.vaccination');
      expect(await coverageCell('public-health.vaccination', '341324')).toContain(task.id);
      const entriesBefore = reviewedEntries(setup.reference).length;
      const response = await curate(setup.app, {
        taskId: task.id,
        nationalItemId: 'public-health.vaccination',
        decision: 'reject',
        note: 'test: rejected to check the endpoint',
        reviewer: 'security helper',
      });
      expect(response.status).toBe(200);
      expect(await readJson<WriteAnswer>(response)).toMatchObject({ decision: 'reject', changed: true, link: null });
      expect((await byKey('（二）')).implements.map((link) => link.nationalItem.id)).not.toContain('public-health.vaccination');
      expect(await coverageCell('public-health.vaccination', '341324')).not.toContain(task.id);
      const entries = reviewedEntries(setup.reference);
      expect(entries).toHaveLength(entriesBefore + 1);
      expect(entries.at(-1)).toMatchObject({
        taskMatch: task.text,
        jurisdictionId: '341324',
        nationalItemId: 'public-health.vaccination',
        decision: 'reject',
        note: 'test: rejected to check the endpoint',
        reviewer: 'security helper',
      });
      expect(entries.at(-1)?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    /** The 泗县 (341324) tasks a comparison with 资阳 (512000) shows under the item, the answer shared until a write changes 泗县's. */
    async function comparedTasks(nationalItemId: string): Promise<string[]> {
      interface Row {
        nationalItem: { id: string };
        tasksA: { id: string }[];
      }
      const { data } = await postGraphQL<{ compare: { shared: Row[]; onlyA: Row[] } }>(
        setup.app,
        `{ compare(a: "341324", b: "512000") { shared { nationalItem { id } tasksA { id } } onlyA { nationalItem { id } tasksA { id } } } }`,
      );
      const rows = [...data!.compare.shared, ...data!.compare.onlyA];
      return rows.find((row) => row.nationalItem.id === nationalItemId)?.tasksA.map((task) => task.id) ?? [];
    }

    it('adds a link the linker did not make, marked curated, with evidence from both texts, shown in a comparison asked before', async () => {
      // （十七） is about the World Bank project; the decision links it to payment reform for the test.
      const task = await byKey('（十七）');
      expect(task.implements.map((link) => link.nationalItem.id)).not.toContain('medical-security.payment-reform');
      expect(await comparedTasks('medical-security.payment-reform')).not.toContain(task.id);
      const response = await curate(setup.app, {
        taskId: task.id,
        nationalItemId: 'medical-security.payment-reform',
        decision: 'add',
        taskMatch: '世界银行贷款',
        note: 'test: added to check the endpoint',
        reviewer: 'security helper',
      });
      expect(response.status).toBe(200);
      const body = await readJson<WriteAnswer>(response);
      expect(body.link).toMatchObject({ curated: true, method: 'reviewed@1', score: 1 });
      expect(body.link?.evidence[0]?.localText.length).toBeGreaterThan(0);
      const added = (await byKey('（十七）')).implements.find((link) => link.nationalItem.id === 'medical-security.payment-reform');
      expect(added).toEqual({ nationalItem: { id: 'medical-security.payment-reform' }, curated: true, method: 'reviewed@1' });
      expect(await comparedTasks('medical-security.payment-reform')).toContain(task.id);
    });

    it('accepts an existing link: it stays, now curated', async () => {
      const task = await byKey('（十四）');
      const before = task.implements.find((link) => link.nationalItem.id === 'medical-security.payment-reform');
      expect(before?.curated).toBe(false);
      const response = await curate(setup.app, {
        taskId: task.id,
        nationalItemId: 'medical-security.payment-reform',
        decision: 'accept',
        note: 'test: DIP payment is payment reform',
        reviewer: 'security helper',
      });
      expect(response.status).toBe(200);
      const after = (await byKey('（十四）')).implements.find((link) => link.nationalItem.id === 'medical-security.payment-reform');
      expect(after).toEqual({ ...before, curated: true });
    });

    it('keeps every decision when the document is ingested again', async () => {
      // The reviewed links changed, so the same bytes are processed again rather than skipped.
      const response = await upload(setup.app, '泗县2021.txt', SIXIAN);
      expect((await readJson<WriteAnswer>(response)).outcome).toBe('replaced');
      const tasks = await sixianTasks();
      const linksOf = (key: string) => tasks.find((task) => task.key === key)!.implements;
      expect(linksOf('（二）').map((link) => link.nationalItem.id)).not.toContain('public-health.vaccination');
      expect(linksOf('（十七）')).toContainEqual({
        nationalItem: { id: 'medical-security.payment-reform' },
        curated: true,
        method: 'reviewed@1',
      });
      expect(linksOf('（十四）').find((link) => link.nationalItem.id === 'medical-security.payment-reform')?.curated).toBe(true);
    });

    it('brings the coverage of every jurisdiction up to date after each write as a server started now builds it whole', async () => {
      const query = `{ coverage { jurisdictions { id } columns { documents { id } } cells { nationalItemId jurisdictionId taskIds documentIds status } } }`;
      const fresh = createApp({ store: setup.temp.store, logger: silentLogger });
      const [updated, whole] = await Promise.all([postGraphQL(setup.app, query), postGraphQL(fresh, query)]);
      expect((whole.data as { coverage: { jurisdictions: unknown[] } }).coverage.jurisdictions.length).toBeGreaterThan(2);
      // The same answer; the store queries behind it may differ (a server just started reads rows it does not keep yet).
      expect(updated.data).toEqual(whole.data);
      expect(updated.errors).toBeUndefined();
    });

    it('refuses unknown tasks and items, bad bodies and phrases not in the task, changing nothing', async () => {
      const task = await byKey('（三）');
      const valid = { taskId: task.id, nationalItemId: 'public-health.vaccination', decision: 'add', note: 'n', reviewer: 'r' };
      const before = { store: await checksum(setup.temp), file: readFileSync(setup.reference.reviewedLinksFile, 'utf8') };
      const cases: [Record<string, unknown> | string, number, string][] = [
        [{ ...valid, taskId: "x' OR 1=1 //" }, 404, 'UNKNOWN_TASK'],
        [{ ...valid, nationalItemId: 'no-such-item' }, 404, 'UNKNOWN_NATIONAL_ITEM'],
        [{ ...valid, decision: 'delete-all' }, 400, 'BAD_REQUEST'],
        [{ ...valid, note: '   ' }, 400, 'BAD_REQUEST'],
        [{ ...valid, extra: 'field' }, 400, 'BAD_REQUEST'],
        [{ ...valid, taskMatch: '这句话不在任务里' }, 422, 'TASK_MATCH_NOT_IN_TASK'],
        ['{"taskId": ', 400, 'BAD_REQUEST'],
      ];
      for (const [body, status, code] of cases) {
        const response = await setup.app.fetch('http://localhost/api/curation', {
          method: 'POST',
          headers: { authorization: `Bearer ${WRITE_TOKEN}`, 'content-type': 'application/json' },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        });
        expect(response.status, JSON.stringify(body)).toBe(status);
        expect((await readJson<WriteAnswer>(response)).code, JSON.stringify(body)).toBe(code);
      }
      expect({ store: await checksum(setup.temp), file: readFileSync(setup.reference.reviewedLinksFile, 'utf8') }).toEqual(before);
    });
  });
});
