// The web app takes the API's shapes from the server's zod schemas as types only: `import type`
// is erased, so the bundle carries no server code. A few pure server modules (the as-of groups,
// the two text forms) are shared as code on purpose; they must stay pure. This walks every
// import the bundle keeps, from every web source, and fails on a server module that brings a
// package (zod, the Neo4j driver, Express…) with it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const WEB = join(ROOT, 'web/src');
/** Packages the web app itself runs on. */
const WEB_PACKAGES = new Set(['cytoscape', 'cytoscape-dagre', 'cytoscape-fcose', 'graphology', 'graphology-layout-forceatlas2']);

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourcesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/**
 * The module specifiers a file keeps at run time. Under verbatimModuleSyntax only `import type`
 * and `export type` are erased; `import { type X }` still loads the module for its side effects.
 */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const kept: string[] = [];
  for (const s of source.statements) {
    if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier)) {
      if (!s.importClause?.isTypeOnly) kept.push(s.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) {
      if (!s.isTypeOnly) kept.push(s.moduleSpecifier.text);
    }
  }
  return kept;
}

const rel = (file: string) => relative(ROOT, file);

/** Every server module the bundle reaches, and each package reached through one, with the chain of files that leads there. */
function serverReach(): { modules: Set<string>; packages: string[] } {
  const modules = new Set<string>();
  const packages: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const inServer = !file.startsWith(WEB);
    if (inServer) modules.add(rel(file));
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec), [...chain, rel(file)]);
      else if (inServer || !WEB_PACKAGES.has(spec)) packages.push(`${[...chain, rel(file)].join(' → ')} → ${spec}`);
    }
  };
  for (const file of sourcesUnder(WEB)) visit(file, []);
  return { modules, packages };
}

describe('the web bundle and the server', () => {
  const { modules, packages } = serverReach();

  it('takes no package into the bundle through a server module, zod and the Neo4j driver among them', () => {
    expect(packages).toEqual([]);
  });

  it('reaches the server only for its pure shared modules, never its schemas or routes', () => {
    expect([...modules].filter((m) => /^server\/(api|db|graph)\//.test(m) || m === 'server/zod.ts')).toEqual([]);
    // The walk itself works: the shared modules are reached.
    expect(modules).toContain('server/model/as-of.ts');
  });
});
