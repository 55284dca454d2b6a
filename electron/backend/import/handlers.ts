// The 数据导入 methods of the API, mapped to the import service (spread into backend.ts).
import type { Handlers } from '../dispatcher';
import type { ImportService } from './service';

type ImportMethod = Extract<keyof Handlers, `import.${string}`>;

export function importHandlers(imports: ImportService): Pick<Handlers, ImportMethod> {
  return {
    'import.upload': (input) => imports.upload(input),
    'import.open': (input) => imports.open(input),
    'import.status': ({ fileId }) => imports.status(fileId),
    'import.cancel': ({ fileId }) => imports.cancel(fileId),
    'import.analyse': (input) => imports.analyse(input),
    'import.check': (input) => imports.check(input),
    'import.commit': (input) => imports.commit(input),
    'import.run': (input) => imports.run(input),
    'import.list': () => imports.list(),
    'import.issues': ({ importId }) => imports.issues(importId),
    'import.undo': ({ importId }) => imports.undo(importId),
    'import.templates': ({ kind }) => imports.templatesOf(kind),
    'import.saveTemplate': (input) => imports.saveTemplate(input),
    'import.deleteTemplate': ({ name }) => imports.deleteTemplate(name),
    'import.blankTemplate': ({ kind }) => imports.blankTemplate(kind),
  };
}
