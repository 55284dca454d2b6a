// The lists of import kinds that people see come from the registry: the CLI's usage and the
// wizard's choice of data (rendered to HTML) name every registered kind.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IMPORT_HELP, IMPORT_KIND_ARG } from '../../../electron/cli/import';
import { FileStep } from '../../../renderer/src/components/import/FileStep';
import { IMPORT_KIND_REGISTRY, IMPORT_KINDS } from '../../../shared/import';

describe('lists of import kinds', () => {
  it('the CLI usage names every kind and its Chinese name', () => {
    expect(IMPORT_KIND_ARG.split('|')).toEqual([...IMPORT_KINDS]);
    expect(IMPORT_HELP).toContain(`<${IMPORT_KIND_ARG}>`);
    for (const k of IMPORT_KINDS) expect(IMPORT_HELP).toMatch(new RegExp(`^ +${k} +${IMPORT_KIND_REGISTRY[k].label}$`, 'm'));
  });

  it("the wizard's first step offers every kind with its description", () => {
    const noop = () => undefined;
    const html = renderToStaticMarkup(
      createElement(FileStep, {
        kind: 'schools', onKind: noop, encoding: 'auto', onEncoding: noop, desktop: true, onPickPath: noop, onUpload: noop,
        onCancel: noop, onTemplate: noop, uploading: null, file: null,
      }),
    );
    // The text a planner reads (and a screen reader hears): the markup's text without its tags.
    const shown = html.replace(/<[^>]*>/g, '');
    const offered = [...html.matchAll(/data-testid="import-kind-([a-z_]+)"/g)].map((m) => m[1]);
    expect(offered).toEqual([...IMPORT_KINDS]);
    for (const k of IMPORT_KINDS) {
      expect(shown).toContain(IMPORT_KIND_REGISTRY[k].shortLabel);
      expect(shown).toContain(IMPORT_KIND_REGISTRY[k].description);
    }
    // A numeric range with its unit sits in a span that does not wrap (import.css), so 1-|4 岁 cannot break.
    expect(IMPORT_KIND_REGISTRY.population.description).toContain('1-4 岁');
    expect(html).toContain('<span class="import-range">1-4 岁</span>');
  });
});
