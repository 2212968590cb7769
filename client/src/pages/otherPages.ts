// Every page but the modeller's and the sign-in pages, one chunk loaded when such a page is first shown (main.ts) or,
// for the address the app is opened at, while the entry chunk evaluates (bootAhead.ts): opening a map evaluates none
// of them (issue 16).
export { MapListPage } from './map-list/MapListPage';
export { ReadOnlyMapPage } from './map-viewer/ReadOnlyMapPage';
export { DiffPage } from '../features/diff/DiffPage';
export { UsersPage } from './users/UsersPage';
export { AuditPage } from './audit/AuditPage';
export { InboxPage } from '../features/review/InboxPage';
export { EvaluationDuePage } from '../features/evaluation/EvaluationDuePage';
export { DashboardPage } from '../features/dashboard/DashboardPage';
export { RepositoryLintPage } from '../features/repository-lint/RepositoryLintPage';
