// ESLint rule `layering/allowed-imports`: each layer (a folder under src/) lists what it may import; anything else
// is an error. An allow-list, like VS Code's `code-layering`, so a new kind of crossing is refused until someone
// writes it down. Sees every way a module is named: `import`, `import type`, `export … from`, `import()`, type-level
// `import('x').T`, `require()`, `import x = require()` and `/// <reference types>`.
// The layers and their lists live in eslint.config.js (`layers`); docs/architecture.md explains them.
import { isBuiltin } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

/** @typedef {{ why: string, may: string[], node: boolean, packages: string[] }} Layer */

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * The layer folder (a key of `layers`) that holds `file` (a path relative to the root, with `/`), if any. The
 * deepest wins, so a folder inside a layer (src/web-host/client) can be a layer of its own with its own list.
 */
function layerOf(file, layers) {
  const holders = Object.keys(layers).filter((folder) => file === folder || file.startsWith(`${folder}/`));
  return holders.sort((a, b) => b.length - a.length)[0];
}

function toPosix(path) {
  return path.split(sep).join('/');
}

/** What `specifier`, written in `file`, names: a project path, a Node built-in or a package. */
function classify(specifier, file, root) {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    return { kind: 'path', path: toPosix(relative(root, resolve(dirname(file), specifier))) };
  }
  if (specifier.startsWith('node:') || isBuiltin(specifier)) return { kind: 'node' };
  return { kind: 'package', name: packageName(specifier) };
}

function allowedText(layer) {
  const parts = [...layer.may];
  if (layer.node) parts.push('Node built-ins');
  if (layer.packages.length > 0) parts.push(`the packages ${layer.packages.join(', ')}`);
  return parts.join(', ');
}

/** @type {import('eslint').Rule.RuleModule} */
const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only what its allow-list in eslint.config.js names.' },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, layers: { type: 'object' } },
        required: ['root', 'layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      refused: "{{layer}} may not import '{{specifier}}' ({{what}}). {{why}} It may import: {{allowed}}.",
      computed: '{{layer}}: a computed import() cannot be checked against the layer rules; name the module literally.',
    },
  },
  create(context) {
    const { root, layers } = /** @type {{ root: string, layers: Record<string, Layer> }} */ (context.options[0]);
    const file = context.filename;
    const folder = layerOf(toPosix(relative(root, file)), layers);
    if (folder === undefined) return {};
    const layer = layers[folder];

    function verdict(target) {
      if (target.kind === 'node') return layer.node ? null : 'a Node built-in';
      if (target.kind === 'package') return layer.packages.includes(target.name) ? null : `the package ${target.name}`;
      const allowed = layer.may.some((p) => target.path === p || target.path.startsWith(`${p}/`));
      if (allowed) return null;
      return `${layerOf(target.path, layers) ?? target.path}`;
    }

    function check(node, specifier, target = classify(specifier, file, root)) {
      const what = verdict(target);
      if (what === null) return;
      context.report({
        node,
        messageId: 'refused',
        data: { layer: folder, specifier, what, why: layer.why, allowed: allowedText(layer) },
      });
    }

    /** The string a module source node holds: a literal or a template without expressions. */
    function literal(source) {
      if (source?.type === 'Literal' && typeof source.value === 'string') return source.value;
      if (source?.type === 'TemplateLiteral' && source.expressions.length === 0) return source.quasis[0].value.cooked;
      return null;
    }

    function checkSource(node, source) {
      const specifier = literal(source);
      if (specifier !== null) check(node, specifier);
      else context.report({ node, messageId: 'computed', data: { layer: folder } });
    }

    return {
      Program(program) {
        for (const comment of context.sourceCode.getAllComments()) {
          const m =
            comment.type === 'Line' && /^\/\s*<reference\s+(types|path)\s*=\s*["']([^"']+)["']/.exec(comment.value);
          if (!m) continue;
          const [, kind, name] = m;
          if (kind === 'path') check(program, name, classify(name.startsWith('.') ? name : `./${name}`, file, root));
          // `/// <reference types="node" />` brings Node's globals in, as an import of a built-in would.
          else check(program, name, name === 'node' ? { kind: 'node' } : { kind: 'package', name: packageName(name) });
        }
      },
      ImportDeclaration: (node) => checkSource(node, node.source),
      ExportNamedDeclaration: (node) => node.source && checkSource(node, node.source),
      ExportAllDeclaration: (node) => checkSource(node, node.source),
      ImportExpression: (node) => checkSource(node, node.source),
      TSImportType(node) {
        // `import('x').T` in a type position: the module is `source` (typescript-eslint 8.x; `argument` before, a literal type).
        const arg = node.source ?? (node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument);
        checkSource(node, arg);
      },
      TSExternalModuleReference: (node) => checkSource(node, node.expression),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1)
          checkSource(node, node.arguments[0]);
      },
    };
  },
};

export default { meta: { name: 'layering' }, rules: { 'allowed-imports': allowedImports } };
