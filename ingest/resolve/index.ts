/**
 * @module Resolve: agency mentions to canonical agencies scoped to their jurisdiction, from the
 * alias table in seeds/agencies.json.
 */
export { resolveDoc, resolveIssuer, type ResolveOptions } from './resolve-doc.js';
export { resolveAgencyName, type AgencyResolution, type ResolveAgencyOptions } from './resolve-agency.js';
export { agencyTableOf, agencyTableSchema, loadAgencyTable, type AgencyEntry, type AgencyTable } from './agency-table.js';
