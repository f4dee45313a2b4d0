/**
 * @module A small hand-made graph written into a real temporary Kuzu store, for server tests:
 * two cities (三明市 350400, 成都市 510100), a provincial plan (福建省 350000) that 三明's plan
 * derives from, four national items of which one is implemented nowhere.
 *
 * Expected answers, worked out by hand:
 * - coverage(350400, 510100): N-PAY 1|1, N-TIER 1|0, N-DRUG 0|1, N-HOSP 0|0; 成都's N-HOSP cell is
 *   POSSIBLE (cd-1-1 may implement it, 0.3), 三明's a gap.
 * - compare(350400, 510100): shared N-PAY (DRG付费占比 ≥50% against ≥30%; lead MEDICAL_INSURANCE
 *   against HEALTH), onlyA N-TIER, onlyB N-DRUG.
 * - lineage(sm-1-1): sm-1-1 → N-PAY and sm-1-1 → fj-1-1 → N-PAY.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphStore } from '../../store/graph-store.js';
import { openKuzuStore } from '../../store/kuzu-store.js';
import { ingestQueries } from '../../store/queries/index.js';
import { textPartsOf } from '../../graph-schema/text-parts.js';
import {
  relationships,
  type AgencyNode,
  type EdgeRow,
  type JurisdictionNode,
  type LinkEvidence,
  type NationalItemNode,
  type PolicyNode,
  type TaskKind,
  type TaskNode,
} from '../../graph-schema/model.js';

export interface SampleGraph {
  store: GraphStore;
  /** The Kuzu database file, for tools that open it themselves once `store` is closed. */
  path: string;
  /** Closes the store (Kuzu lets one process open the file) but keeps the file. */
  release(): Promise<void>;
  dispose(): Promise<void>;
}

const jurisdictions: JurisdictionNode[] = [
  { id: '000000', name: '中国', nameEn: 'China', level: 'national', parentId: null },
  { id: '350000', name: '福建省', nameEn: 'Fujian Province', level: 'province', parentId: '000000' },
  { id: '350400', name: '三明市', nameEn: 'Sanming City', level: 'city', parentId: '350000' },
  { id: '510000', name: '四川省', nameEn: 'Sichuan Province', level: 'province', parentId: '000000' },
  { id: '510100', name: '成都市', nameEn: 'Chengdu City', level: 'city', parentId: '510000' },
];

function policy(id: string, jurisdictionId: string, title: string, stub = false): PolicyNode {
  return {
    id,
    title,
    docNumber: stub ? null : `${id}号`,
    issuer: null,
    issuedOn: stub ? null : '2017-06-30',
    status: 'final',
    coversFrom: null,
    coversTo: null,
    stub,
    sourceFile: stub ? null : `${id}.txt`,
    sha256: stub ? null : `sha-${id}`,
    ingestKey: null,
    format: stub ? null : 'txt',
    encoding: stub ? null : 'utf-8',
    jurisdictionId,
    warnings: [],
  };
}

interface TaskSpec {
  id: string;
  policyId: string;
  jurisdictionId: string;
  key: string;
  kind: TaskKind;
  text: string;
  parentId?: string;
  seq: number;
  spanStart?: number;
}

function task(spec: TaskSpec): TaskNode {
  const spanStart = spec.spanStart ?? spec.seq * 100;
  return {
    id: spec.id,
    key: spec.key,
    path: spec.key,
    kind: spec.kind,
    title: spec.text.split(/[，。]/)[0] ?? spec.text,
    text: spec.text,
    seq: spec.seq,
    depth: spec.parentId ? 1 : 0,
    spanStart,
    spanEnd: spanStart + spec.text.length,
    deadline: null,
    deadlineText: null,
    policyId: spec.policyId,
    jurisdictionId: spec.jurisdictionId,
    parentId: spec.parentId ?? null,
  };
}

const smText =
  '一、医保支付\n（一）全面推行按疾病诊断相关分组（DRG）付费，DRG付费占比达到50%以上。\n（二）推进分级诊疗，家庭医生签约服务覆盖率达到40%。\n①组建紧密型医共体。';

export const sampleTasks = [
  task({ id: 'fj-1', policyId: 'p-fj', jurisdictionId: '350000', key: '一、', kind: 'section', text: '深化医保支付方式改革', seq: 0 }),
  task({
    id: 'fj-1-1',
    policyId: 'p-fj',
    jurisdictionId: '350000',
    key: '（一）',
    kind: 'item',
    text: '推行DRG付费，DRG付费占比达到30%。',
    parentId: 'fj-1',
    seq: 1,
  }),
  task({ id: 'sm-1', policyId: 'p-sm', jurisdictionId: '350400', key: '一、', kind: 'section', text: '医保支付', seq: 0, spanStart: 2 }),
  task({
    id: 'sm-1-1',
    policyId: 'p-sm',
    jurisdictionId: '350400',
    key: '（一）',
    kind: 'item',
    text: '全面推行按疾病诊断相关分组（DRG）付费，DRG付费占比达到50%以上。',
    parentId: 'sm-1',
    seq: 1,
    spanStart: 10,
  }),
  task({
    id: 'sm-1-2',
    policyId: 'p-sm',
    jurisdictionId: '350400',
    key: '（二）',
    kind: 'item',
    text: '推进分级诊疗，家庭医生签约服务覆盖率达到40%。',
    parentId: 'sm-1',
    seq: 2,
    spanStart: 50,
  }),
  task({
    id: 'sm-1-2-1',
    policyId: 'p-sm',
    jurisdictionId: '350400',
    key: '①',
    kind: 'measure',
    text: '组建紧密型医共体。',
    parentId: 'sm-1-2',
    seq: 3,
    spanStart: 75,
  }),
  task({ id: 'cd-1', policyId: 'p-cd', jurisdictionId: '510100', key: '一、', kind: 'section', text: '改革任务', seq: 0 }),
  task({
    id: 'cd-1-1',
    policyId: 'p-cd',
    jurisdictionId: '510100',
    key: '1.',
    kind: 'item',
    text: '推行DRG付费改革，DRG付费占比达到30%。',
    parentId: 'cd-1',
    seq: 1,
  }),
  task({
    id: 'cd-1-2',
    policyId: 'p-cd',
    jurisdictionId: '510100',
    key: '2.',
    kind: 'item',
    text: '完善药品集中采购制度。',
    parentId: 'cd-1',
    seq: 2,
  }),
];

const nationalItems: NationalItemNode[] = (
  [
    ['N-PAY', '深化医保支付方式改革', 'Reform medical insurance payment methods', 'insurance', '推行按疾病诊断相关分组付费'],
    ['N-TIER', '推进分级诊疗制度建设', 'Build the tiered care system', 'tiered', '推进分级诊疗，发展家庭医生签约服务'],
    ['N-DRUG', '完善药品供应保障制度', 'Improve the drug supply system', 'drugs', '完善药品集中采购制度'],
    ['N-HOSP', '建立现代医院管理制度', 'Modern hospital management', 'hospitals', '建立现代医院管理制度'],
  ] as const
).map(([id, titleZh, titleEn, pillar, text]) => ({
  id,
  titleZh,
  titleEn,
  text,
  pillar,
  pillarZh: titleZh,
  pillarEn: titleEn,
  keywords: [],
  source: null,
  sourceUnconfirmed: [],
  titleIsSummary: false,
}));

const agencies: AgencyNode[] = [
  {
    id: 'ag-sm-yb',
    name: '三明市医疗保障局',
    nameEn: 'Sanming Healthcare Security Administration',
    type: 'MEDICAL_INSURANCE',
    jurisdictionId: '350400',
    aliases: ['市医保局'],
  },
  {
    id: 'ag-sm-wj',
    name: '三明市卫生健康委员会',
    nameEn: 'Sanming Health Commission',
    type: 'HEALTH',
    jurisdictionId: '350400',
    aliases: [],
  },
  {
    id: 'ag-cd-wj',
    name: '成都市卫生健康委员会',
    nameEn: 'Chengdu Health Commission',
    type: 'HEALTH',
    jurisdictionId: '510100',
    aliases: [],
  },
  {
    id: 'ag-cd-yb',
    name: '成都市医疗保障局',
    nameEn: 'Chengdu Healthcare Security Administration',
    type: 'MEDICAL_INSURANCE',
    jurisdictionId: '510100',
    aliases: [],
  },
];

function target(id: string, taskId: string, text: string, value: number) {
  return { id, taskId, text, metric: 'DRG付费占比', op: '>=', value, unit: '%', by: '2020', spanStart: 0, spanEnd: text.length };
}

/** One evidence phrase pair, its spans found in the two texts (stored evidence is spans only, so they must be right). */
function evidence(localWhole: string, localText: string, nationalWhole: string, nationalText: string): LinkEvidence[] {
  const spanOf = (whole: string, phrase: string) => {
    const start = whole.indexOf(phrase);
    if (start < 0) throw new Error(`sample graph: 「${phrase}」 is not in 「${whole}」`);
    return { start, end: start + phrase.length };
  };
  return [{ localText, localSpan: spanOf(localWhole, localText), nationalText, nationalSpan: spanOf(nationalWhole, nationalText) }];
}

function link(from: string, to: string, score: number, found: LinkEvidence[] = []): EdgeRow<'IMPLEMENTS'> {
  const encoded = relationships.IMPLEMENTS.properties.evidence.encode(found);
  return { from, to, score, method: 'test', kind: 'adapted', evidence: encoded, curated: false };
}

const responsible = (
  from: string,
  to: string,
  role: EdgeRow<'RESPONSIBLE'>['role'],
  name: string,
  position: number,
): EdgeRow<'RESPONSIBLE'> => ({
  from,
  to,
  role,
  name,
  position,
});

/** Opens a temporary Kuzu store holding the sample graph, plus `extraTasks` numbered items in 三明's plan. */
export async function openSampleGraph({ extraTasks = 0 }: { extraTasks?: number } = {}): Promise<SampleGraph> {
  const dir = mkdtempSync(join(tmpdir(), 'reformgraph-server-'));
  const path = join(dir, 'graph.kuzu');
  const store = await openKuzuStore({ path });
  await store.applySchema();
  const extras = Array.from({ length: extraTasks }, (_, i) =>
    task({
      id: `sm-x-${i}`,
      policyId: 'p-sm',
      jurisdictionId: '350400',
      key: `${i + 1}.`,
      kind: 'item',
      text: `第${i + 1}项补充任务，推行DRG付费，DRG付费占比达到${i}%。`,
      parentId: 'sm-1',
      seq: 10 + i,
    }),
  );
  const textById = new Map([...sampleTasks, ...extras, ...nationalItems].map((node) => [node.id, node.text]));
  const evidenceBetween = (fromId: string, localText: string, toId: string, nationalText: string) =>
    evidence(textById.get(fromId) ?? '', localText, textById.get(toId) ?? '', nationalText);
  const { upsert, merge } = ingestQueries;
  await store.transaction(async (tx) => {
    await tx.write(upsert.Jurisdiction, jurisdictions);
    await tx.write(upsert.Policy, [
      policy('p-fj', '350000', '福建省深化医药卫生体制改革实施方案'),
      policy('p-sm', '350400', '三明市深化医药卫生体制改革2017年重点工作任务'),
      policy('p-cd', '510100', '成都市深化医药卫生体制改革实施方案'),
      policy('p-stub', '000000', '关于深化医药卫生体制改革的意见', true),
    ]);
    const texts = [
      textPartsOf('p-fj', '一、深化医保支付方式改革\n（一）推行DRG付费，DRG付费占比达到30%。'),
      textPartsOf('p-sm', smText),
      textPartsOf('p-cd', '一、改革任务\n1.推行DRG付费改革，DRG付费占比达到30%。\n2.完善药品集中采购制度。'),
    ];
    await tx.write(
      upsert.PolicyTextPart,
      texts.flatMap((text) => text.parts),
    );
    await tx.write(
      merge.HAS_TEXT_PART,
      texts.flatMap((text) => text.edges),
    );
    await tx.write(upsert.Task, [...sampleTasks, ...extras]);
    await tx.write(upsert.Agency, agencies);
    await tx.write(upsert.NationalItem, nationalItems);
    await tx.write(upsert.Target, [
      target('tg-sm', 'sm-1-1', 'DRG付费占比达到50%以上', 50),
      target('tg-cd', 'cd-1-1', 'DRG付费占比达到30%', 30),
      target('tg-fj', 'fj-1-1', 'DRG付费占比达到30%', 30),
      ...extras.map((t, i) => target(`tg-x-${i}`, t.id, `DRG付费占比达到${i}%`, i)),
    ]);
    await tx.write(
      merge.PART_OF,
      jurisdictions.flatMap((j) => (j.parentId ? [{ from: j.id, to: j.parentId }] : [])),
    );
    await tx.write(merge.ISSUED_IN, [
      { from: 'p-fj', to: '350000' },
      { from: 'p-sm', to: '350400' },
      { from: 'p-cd', to: '510100' },
      { from: 'p-stub', to: '000000' },
    ]);
    const allTasks = [...sampleTasks, ...extras];
    await tx.write(
      merge.HAS_TASK,
      allTasks.map((t) => ({ from: t.policyId, to: t.id })),
    );
    await tx.write(
      merge.HAS_PART,
      allTasks.flatMap((t) => (t.parentId ? [{ from: t.parentId, to: t.id }] : [])),
    );
    await tx.write(
      merge.BELONGS_TO,
      agencies.map((a) => ({ from: a.id, to: a.jurisdictionId })),
    );
    await tx.write(merge.RESPONSIBLE, [
      responsible('sm-1-1', 'ag-sm-yb', 'lead', '市医保局', 0),
      responsible('sm-1-1', 'ag-sm-wj', 'support', '市卫健委', 1),
      responsible('sm-1-2', 'ag-sm-wj', 'lead', '市卫健委', 0),
      responsible('cd-1-1', 'ag-cd-wj', 'lead', '市卫健委', 0),
      responsible('cd-1-1', 'ag-cd-yb', 'support', '市医保局', 1),
      ...extras.flatMap((t) => [
        responsible(t.id, 'ag-sm-yb', 'lead', '市医保局', 0),
        responsible(t.id, 'ag-sm-wj', 'support', '市卫健委', 1),
      ]),
    ]);
    await tx.write(merge.HAS_TARGET, [
      { from: 'sm-1-1', to: 'tg-sm' },
      { from: 'cd-1-1', to: 'tg-cd' },
      { from: 'fj-1-1', to: 'tg-fj' },
      ...extras.map((t, i) => ({ from: t.id, to: `tg-x-${i}` })),
    ]);
    await tx.write(merge.IMPLEMENTS, [
      link('sm-1-1', 'N-PAY', 0.9, evidenceBetween('sm-1-1', '按疾病诊断相关分组', 'N-PAY', '按疾病诊断相关分组')),
      link('sm-1-2', 'N-TIER', 0.8, evidenceBetween('sm-1-2', '分级诊疗', 'N-TIER', '分级诊疗')),
      link('fj-1-1', 'N-PAY', 0.5),
      link('cd-1-1', 'N-PAY', 0.7),
      link('cd-1-2', 'N-DRUG', 0.75, evidenceBetween('cd-1-2', '药品集中采购制度', 'N-DRUG', '药品集中采购制度')),
      ...extras.map((t) => link(t.id, 'N-PAY', 0.6, evidenceBetween(t.id, 'DRG付费', 'N-PAY', '付费'))),
    ]);
    await tx.write(merge.MAY_IMPLEMENT, [{ from: 'cd-1-1', to: 'N-HOSP', score: 0.3 }]);
    await tx.write(merge.DERIVES_FROM, [link('sm-1-1', 'fj-1-1', 0.8, evidenceBetween('sm-1-1', 'DRG付费', 'fj-1-1', 'DRG付费'))]);
    await tx.write(merge.CITES, [
      { from: 'p-sm', to: 'p-fj', context: '根据《福建省深化医药卫生体制改革实施方案》' },
      { from: 'p-cd', to: 'p-stub', context: '根据《关于深化医药卫生体制改革的意见》' },
    ]);
  });
  let closed = false;
  return {
    store,
    path,
    async release() {
      if (!closed) await store.close();
      closed = true;
    },
    async dispose() {
      if (!closed) await store.close();
      closed = true;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
