// electronegativity's TypeScript parser (typescript-estree 4) needs the TypeScript 4 it ships
// with, not the project's TypeScript 7 that npm hoists next to it: resolve it to its own copy.
const Module = require('node:module');
const path = require('node:path');
const own = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'node_modules', 'typescript');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'typescript' && parent && /[\\/]@typescript-eslint[\\/]/.test(parent.filename ?? '')) return resolve.call(this, own, parent, ...rest);
  return resolve.call(this, request, parent, ...rest);
};
