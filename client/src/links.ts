/**
 * @module URLs between views, so every link to a task, item or comparison is built the same way.
 */
import type { GraphLabel } from '../../graph-schema/model.js';
import { formatRoute, withParams, type Route } from './router.js';

export const DEFAULT_JURISDICTIONS = ['350400', '141000', '512000', '341324', '340722'] as const;

export const lineageOfItem = (id: string) => formatRoute('lineage', ['national', id]);
export const lineageOfTask = (id: string) => formatRoute('lineage', ['task', id]);
/** The current view with the detail panel opened on a node. */
export const detailHref = (route: Route, label: GraphLabel, id: string) => withParams(route, { d: `${label}:${id}` });
