// Module boundaries, as a local ESLint rule: a feature module's repositories
// are its own (other modules call its exported service), and the ground
// floors (src/common, src/infra) import nothing from the features above them.
import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const MODULES = resolve(ROOT, 'src/modules');
const FLOORS = [resolve(ROOT, 'src/common'), resolve(ROOT, 'src/infra')];

/** The feature module a path lies in (`customers`), or undefined. */
function moduleOf(path) {
  const rel = relative(MODULES, path);
  return rel.startsWith('..') || rel === '' ? undefined : rel.split(sep)[0];
}

const rule = {
  meta: {
    type: 'problem',
    messages: {
      foreignRepository: "'{{target}}' is a repository of the {{owner}} module: call that module's exported service instead.",
      featureFromFloor: "src/common and src/infra must not import from src/modules ('{{target}}').",
    },
    schema: [],
  },
  create(context) {
    const file = resolve(context.filename);
    const own = moduleOf(file);
    const onFloor = FLOORS.some((floor) => file.startsWith(floor + sep));
    function check(node) {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = resolve(dirname(file), source);
      const owner = moduleOf(target);
      if (!owner) return;
      if (onFloor) context.report({ node: node.source, messageId: 'featureFromFloor', data: { target: source } });
      else if (own && owner !== own && /\.repository$/.test(target)) {
        context.report({ node: node.source, messageId: 'foreignRepository', data: { target: source, owner } });
      }
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'module-boundaries': rule } };
