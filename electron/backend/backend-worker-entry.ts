// Worker thread entry of the backend (worker-backend.ts); built as out/main/backend-worker.js.
import { serveBackend } from './backend-worker';

serveBackend();
