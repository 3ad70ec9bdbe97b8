// README promise: `npm start` builds the web app when its sources changed, and only then.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { needsWebBuild } from '../../server/web-build.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function webApp(): string {
  dir = mkdtempSync(join(tmpdir(), 'web-build-'));
  mkdirSync(join(dir, 'src', 'features'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  writeFileSync(join(dir, 'src', 'features', 'panel.ts'), 'export {};');
  return dir;
}

const at = (file: string, seconds: number) => utimesSync(file, seconds, seconds);

describe('the web build is redone when, and only when, a source is newer', () => {
  it('builds when there is no build yet', () => {
    expect(needsWebBuild(webApp())).toBe(true);
  });

  it('skips a build that is newer than every source', () => {
    const web = webApp();
    mkdirSync(join(web, 'dist'));
    writeFileSync(join(web, 'dist', 'index.html'), 'built');
    at(join(web, 'index.html'), 1_000);
    at(join(web, 'src', 'features', 'panel.ts'), 1_000);
    at(join(web, 'dist', 'index.html'), 2_000);
    expect(needsWebBuild(web)).toBe(false);
  });

  it('rebuilds when a source deep in the tree changed after the build', () => {
    const web = webApp();
    mkdirSync(join(web, 'dist'));
    writeFileSync(join(web, 'dist', 'index.html'), 'built');
    at(join(web, 'index.html'), 1_000);
    at(join(web, 'dist', 'index.html'), 2_000);
    at(join(web, 'src', 'features', 'panel.ts'), 3_000);
    expect(needsWebBuild(web)).toBe(true);
  });

  it('ignores files inside dist itself', () => {
    const web = webApp();
    mkdirSync(join(web, 'dist', 'assets'), { recursive: true });
    writeFileSync(join(web, 'dist', 'index.html'), 'built');
    writeFileSync(join(web, 'dist', 'assets', 'app.js'), 'built');
    at(join(web, 'index.html'), 1_000);
    at(join(web, 'src', 'features', 'panel.ts'), 1_000);
    at(join(web, 'dist', 'index.html'), 2_000);
    at(join(web, 'dist', 'assets', 'app.js'), 3_000);
    expect(needsWebBuild(web)).toBe(false);
  });

  it('has nothing to build without a web app', () => {
    const web = webApp();
    rmSync(join(web, 'index.html'));
    expect(needsWebBuild(web)).toBe(false);
  });
});
