#!/usr/bin/env node
// `npm run resplit`: runs the re-split CLI from the compiled app, compiling it first if the sources changed.
require('./compiled').ensureCompiled();
require('../dist/src/plugins/raw-import/cli/resplit.js');
