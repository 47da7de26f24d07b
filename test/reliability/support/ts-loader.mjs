// Node module hooks that run the TypeScript sources directly in child processes (no build step): a relative
// `./x.js` import from a .ts file resolves to `./x.ts` when that exists, and .ts files are transpiled on load.
// Transpiled output is cached on disk by content hash (node_modules/.cache), so every child process after the first
// starts without loading the compiler: the reliability tests start a dozen of them.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CACHE = fileURLToPath(new URL('../../../node_modules/.cache/fw-ts-loader/', import.meta.url));
const require = createRequire(import.meta.url);
// The compiler's version is part of the key; the compiler itself is loaded only on a cache miss.
const COMPILER_VERSION = JSON.parse(readFileSync(require.resolve('typescript/package.json'), 'utf8')).version;
let compiler;

export async function resolve(specifier, context, nextResolve) {
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const candidate = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(candidate))) return { url: candidate.href, shortCircuit: true, format: 'module' };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const fileName = fileURLToPath(url);
  const source = readFileSync(fileName, 'utf8');
  const cached = join(CACHE, `${createHash('sha256').update(`${COMPILER_VERSION}\0${fileName}\0${source}`).digest('hex')}.js`);
  if (existsSync(cached)) return { format: 'module', source: readFileSync(cached, 'utf8'), shortCircuit: true };
  compiler ??= (await import('typescript')).default;
  const output = compiler.transpileModule(source, {
    fileName,
    compilerOptions: { module: compiler.ModuleKind.ESNext, target: compiler.ScriptTarget.ES2022, verbatimModuleSyntax: true, sourceMap: false },
  });
  mkdirSync(CACHE, { recursive: true });
  // Several children may write the same entry at once: each writes its own file and renames it into place.
  const partial = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(partial, output.outputText);
  renameSync(partial, cached);
  return { format: 'module', source: output.outputText, shortCircuit: true };
}
