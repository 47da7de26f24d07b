/**
 * Writes the generated docs: `docs/rules.md` and `docs/configuration.md` (run from `dist/`: `node dist/docs/write-docs.js`).
 * A test fails when the committed files differ from what this writes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { renderConfigurationDoc } from './render-configuration-doc.js';
import { renderRulesDoc } from './render-rules-doc.js';

/** The repository's `docs/` folder: two levels above this file, whether it runs from `src/docs` or `dist/docs`. */
export const DOCS_DIRECTORY = new URL('../../docs/', import.meta.url);

/** The generated docs, by file name inside `docs/`. */
export function renderDocs(): Record<string, string> {
  return { 'rules.md': renderRulesDoc(), 'configuration.md': renderConfigurationDoc() };
}

/** Writes every generated doc into `directory`. */
export async function writeDocs(directory: URL = DOCS_DIRECTORY): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of Object.entries(renderDocs())) {
    const target = new URL(name, directory);
    await writeFile(target, text);
    written.push(target.pathname);
  }
  return written;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const path of await writeDocs()) process.stdout.write(`wrote ${path}\n`);
}
