/**
 * Joins the compiled browser modules (tsconfig.web.json → dist/src/web/browser/*.js, plain ES modules) into one
 * classic script, so that the page needs one file and the report can inline it. Each module becomes a function
 * returning its exports; its imports become destructurings of the modules it needs, in dependency order.
 *
 * It reads only what tsc emits from src/web/client, whose modules keep to: named imports from relative paths
 * (`import { a, b as c } from './x.js'`) and `export` before function, class, const or let declarations.
 * Anything else (default exports, `export { … }` lists, side-effect or namespace imports, cycles) is refused with
 * an error rather than bundled wrongly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Module {
  file: string;
  body: string;
  imports: { from: string; names: string }[];
  exports: string[];
}

const IMPORT = /^import\s*\{([^}]*)\}\s*from\s*['"]\.\/([\w.-]+\.js)['"];?[ \t]*$/gm;
const EXPORT_DECL = /^export\s+((?:async\s+)?function\*?|class|const|let|var)\s+([A-Za-z_$][\w$]*)/gm;

function parse(file: string, code: string): Module {
  const imports: Module['imports'] = [];
  let body = code.replace(IMPORT, (_m, names: string, from: string) => {
    imports.push({ from, names: names.replace(/\s+/g, ' ').trim() });
    return '';
  });
  body = body.replace(/^export\s*\{\s*\};?[ \t]*$/gm, '');
  const exports: string[] = [];
  body = body.replace(EXPORT_DECL, (_m, kw: string, name: string) => {
    exports.push(name);
    return `${kw} ${name}`;
  });
  body = body.replace(/^\/\/# sourceMappingURL=.*$/gm, '');
  const bad = /^\s*(import\b(?!\s*\()|export\b)/m.exec(body);
  if (bad !== null) throw new Error(`${file}: unsupported module syntax at "${body.slice(bad.index, bad.index + 60).trim()}"`);
  return { file, body, imports, exports };
}

/** `a, b as c` → `a, b: c` */
function destructure(names: string): string {
  return names
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '')
    .map((n) => n.replace(/^([\w$]+)\s+as\s+([\w$]+)$/, '$1: $2'))
    .join(', ');
}

/** One classic script from the entry module and everything it imports, from the compiled files in `dir`. */
export function bundleModules(dir: string, entry: string, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): string {
  const order: Module[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (file: string, chain: string[]): void => {
    const st = state.get(file);
    if (st === 'done') return;
    if (st === 'visiting') throw new Error(`import cycle: ${[...chain, file].join(' → ')}`);
    state.set(file, 'visiting');
    const mod = parse(file, read(join(dir, file)));
    for (const imp of mod.imports) visit(imp.from, [...chain, file]);
    state.set(file, 'done');
    order.push(mod);
  };
  visit(entry, []);
  const ident = (file: string): string => '__m_' + file.replace(/\.js$/, '').replace(/[^\w$]/g, '_');
  const parts = order.map((m) => {
    const head = m.imports.map((i) => `const { ${destructure(i.names)} } = ${ident(i.from)};`).join('\n');
    return `// ${m.file}\nconst ${ident(m.file)} = (() => {\n${head}\n${m.body.trim()}\nreturn { ${m.exports.join(', ')} };\n})();`;
  });
  return `/* rasd web page: built from src/web/client by src/web/bundle.ts */\n(() => {\n'use strict';\n${parts.join('\n')}\n})();\n`;
}
