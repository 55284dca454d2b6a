// Entry of the backend's process (worker-backend.ts); built as out/main/backend-worker.js.
import { serveBackend } from './backend-worker';

serveBackend();
