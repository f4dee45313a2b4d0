/**
 * @module Extract: per task, responsible agencies with roles, quantified targets and a deadline;
 * per document, the policies it cites as its basis.
 */
export { extractDoc } from './extract-doc.js';
export { assignRoles, findAgencyLists, isAgencyName, parseAgencyList, type ListedAgency, type ListedRole } from './agency-lists.js';
export { findDocumentRules, type DocumentRules, type StandingAgency } from './document-rules.js';
export { extractTargets, type TargetOptions } from './targets.js';
export { findDeadlines, parseDeadline, pickDeadline, type DeadlineMatch } from './deadlines.js';
export { extractCitations } from './citations.js';
