// Lints the diagram in a Web Worker as the user edits and marks the elements with findings; holds the repository
// checks' findings on the saved revision, fetched from the server, beside them.
import LintOverlays from './LintOverlays';
import LintScheduler from './LintScheduler';
import LintWorkerClient from './LintWorkerClient';
import RepositoryFindings from './RepositoryFindings';

export default {
  __init__: ['lintScheduler', 'lintOverlays'],
  lintBackend: ['type', LintWorkerClient],
  lintScheduler: ['type', LintScheduler],
  lintRepository: ['type', RepositoryFindings],
  lintOverlays: ['type', LintOverlays],
};
