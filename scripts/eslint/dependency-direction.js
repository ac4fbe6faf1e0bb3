// Enforces the dependency direction of docs/ARCHITECTURE.md:
//   core imports nothing of ours and no I/O module; app imports core;
//   storage, render and exchange import core (and app's ports);
//   api and cli wire everything; web imports core (formatting) and talks to the API.
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** Which of our layers each layer may import. */
const ALLOWED_LAYERS = {
  core: ['core'],
  app: ['core', 'app'],
  storage: ['core', 'app', 'storage'],
  render: ['core', 'app', 'render'],
  exchange: ['core', 'app', 'exchange'],
  api: ['core', 'app', 'storage', 'render', 'exchange', 'api'],
  cli: ['core', 'app', 'storage', 'render', 'exchange', 'api', 'cli'],
  web: ['core', 'web'],
};

/** Packages `src/core` may use: pure libraries with no I/O of their own. */
const CORE_PACKAGES = new Set(['liquidjs']);

/** What tests beside core modules may use on top of core's own allowance. */
const TEST_PACKAGES = /^(node:test|node:assert(\/strict)?|fast-check)$/;

/** Modules that do I/O or belong to a technology; never in core or app. */
const IO_MODULES = /^(node:)?(fs|fs\/promises|net|http|https|http2|child_process|dgram|dns|tls|worker_threads|cluster|readline|os|process)$|^(better-sqlite3|pg|pg-copy-streams|kysely|fastify|@fastify\/.*|react|react-dom|antd|exceljs|docx|pdfmake|mammoth)(\/.*)?$/;

function layerOf(file) {
  const rel = path.relative(ROOT, file).split(path.sep);
  if (rel[0] === 'src' && rel[1] && rel[1] in ALLOWED_LAYERS) return rel[1];
  if (rel[0] === 'web') return 'web';
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'keep the dependency direction of docs/ARCHITECTURE.md' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const layer = layerOf(file);
    if (!layer) return {};
    const isTest = file.endsWith('.test.ts');
    function check(node, source) {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const target = layerOf(path.resolve(path.dirname(file), source));
        if (target && !ALLOWED_LAYERS[layer].includes(target)) {
          context.report({ node, message: `src/${layer} must not import src/${target} ('${source}'); see docs/ARCHITECTURE.md` });
        }
        return;
      }
      if (layer === 'core' && isTest && TEST_PACKAGES.test(source)) return;
      if (layer === 'core' && !CORE_PACKAGES.has(source.split('/')[0])) {
        context.report({ node, message: `src/core is pure: it may not import '${source}' (allowed packages: ${[...CORE_PACKAGES].join(', ')})` });
        return;
      }
      if ((layer === 'app' || layer === 'core') && IO_MODULES.test(source)) {
        context.report({ node, message: `src/${layer} may not import the I/O module '${source}'; put it behind a port` });
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
