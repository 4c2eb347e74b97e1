#!/usr/bin/env node
// `npm run import`: runs the import CLI from the compiled app (no TypeScript loader on the way),
// compiling it first if the sources changed.
require('./compiled').ensureCompiled();
require('../dist/src/plugins/raw-import/cli/import.js');
