#!/usr/bin/env node
// `npm run split`: runs the split CLI as plain JavaScript from dist/split-cli/ (no TypeScript
// loader on the way), compiling it first when its sources changed (scripts/split-compiled.js).
const { ensureSplitCompiled } = require('./split-compiled');

/** Compiles if needed, then runs the compiled CLI on process.argv. `options`: see ensureSplitCompiled (tests). */
function run(options) {
  let entry;
  try {
    entry = ensureSplitCompiled(options).entry;
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  require(entry);
}

if (require.main === module) run();

module.exports = { run };
