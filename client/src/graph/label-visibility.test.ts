import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { graphStylesheet, LABEL_TOO_SMALL } from './graph-style.js';
import { hideLabelsTooSmall, labelScale } from './label-visibility.js';

describe('labelScale', () => {
  it('rounds the zoom on screen pixels up to a power of two, as the canvas renderer picks its texture level', () => {
    expect(labelScale(0.05, 1)).toBe(1 / 16);
    expect(labelScale(0.5, 1)).toBe(0.5);
    expect(labelScale(0.51, 1)).toBe(1);
    expect(labelScale(0.3, 2)).toBe(1);
  });
});

describe('hideLabelsTooSmall', () => {
  // The explorer's stylesheet: tasks at 9 px, other nodes at 10 px, compared items at 12 px, all with a 7 px minimum.
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: graphStylesheet(),
    elements: [
      { group: 'nodes', data: { id: 'task', label: 'Task', display: '推进按病种付费' } },
      { group: 'nodes', data: { id: 'policy', label: 'Policy', display: '重点工作任务' } },
      { group: 'nodes', data: { id: 'item', label: 'NationalItem', display: '医保支付方式改革' }, classes: 'compare-item' },
    ],
  });
  const hidden = () =>
    cy
      .nodes(`.${LABEL_TOO_SMALL}`)
      .map((node) => node.id())
      .sort();

  it('hides every label below its minimum size at the fitted zoom of a large graph', () => {
    expect(hideLabelsTooSmall(cy, labelScale(0.05, 1))).toBe(false);
    expect(hidden()).toEqual(['item', 'policy', 'task']);
    expect(cy.$id('task').style('label')).toBe('');
  });

  it('shows them again, with their names, once zoomed in far enough to read them', () => {
    expect(hideLabelsTooSmall(cy, labelScale(0.8, 1))).toBe(true);
    expect(hidden()).toEqual([]);
    expect(cy.$id('task').style('label')).toBe('推进按病种付费');
  });

  it('decides for each node by its own font size', () => {
    // At 0.75: a task's 9 px become 6.75 px, under 7 px; a policy's 10 px 7.5 px and a compared item's 12 px 9 px.
    hideLabelsTooSmall(cy, 0.75);
    expect(hidden()).toEqual(['task']);
    hideLabelsTooSmall(cy, 0.5);
    expect(hidden()).toEqual(['item', 'policy', 'task']);
  });
});
