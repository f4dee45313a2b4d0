import { describe, expect, it } from 'vitest';
import { nodes, relationships } from './model.js';
import { linkEvidencePayload, spanPayload } from './payloads.js';
import type { PropertySpec } from './properties.js';

const phrase = { localText: '分级诊疗', localSpan: { start: 2, end: 6 }, nationalText: '分级诊疗', nationalSpan: { start: 0, end: 4 } };

/** Values of every kind a row field might hold, right and wrong. */
const PROBES: unknown[] = [
  ...[undefined, null, true, false, 0, 1, -3, 2.5, NaN, Infinity, 2 ** 53, 2 ** 60],
  ...['', 'x', '三明市', 'national', 'lead', 'boss', 'item', 'final', 'HEALTH', 'verbatim', '2024-05-01', '2024-5-1', 'x2024-05-01'],
  ...[
    '[]',
    'not json',
    '{}',
    '[{}]',
    '[{"localText":"x"}]',
    JSON.stringify([phrase]),
    JSON.stringify([{ ...phrase, localSpan: { start: 1.5, end: 2 } }]),
  ],
  ...[[], [''], ['a', 'b'], [1], {}, { start: 0, end: 4 }, { start: 0 }, phrase],
];

const specs: [string, PropertySpec][] = [
  ...Object.entries(nodes).flatMap(([label, spec]) =>
    Object.entries(spec.properties).map(([name, p]) => [`${label}.${name}`, p] as [string, PropertySpec]),
  ),
  ...Object.entries(relationships).flatMap(([type, spec]) =>
    Object.entries(spec.properties).map(([name, p]) => [`${type}.${name}`, p] as [string, PropertySpec]),
  ),
  ...Object.entries(linkEvidencePayload.fields).map(([name, p]) => [`LinkEvidence.${name}`, p] as [string, PropertySpec]),
  ...Object.entries(spanPayload.fields).map(([name, p]) => [`Span.${name}`, p] as [string, PropertySpec]),
];

describe('the written-out checks of properties', () => {
  it('accept exactly the values their zod schemas accept, for every property of the graph', () => {
    const disagreements = specs.flatMap(([name, spec]) =>
      PROBES.filter((value) => spec.accepts(value) !== spec.zod.safeParse(value).success).map(
        (value) => `${name} ${JSON.stringify(value)}`,
      ),
    );
    expect(disagreements).toEqual([]);
    // The probes reach both verdicts for each kind of property.
    for (const [name, spec] of specs)
      expect(
        PROBES.some((value) => spec.accepts(value)),
        name,
      ).toBe(true);
  });

  it('accept a payload only with every field of the right type', () => {
    expect(linkEvidencePayload.accepts(phrase)).toBe(true);
    expect(linkEvidencePayload.accepts({ ...phrase, nationalSpan: { start: 0 } })).toBe(false);
    expect(linkEvidencePayload.accepts([phrase])).toBe(false);
  });
});
