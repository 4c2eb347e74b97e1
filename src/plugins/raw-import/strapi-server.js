'use strict';

// The app's tsc compiles the plugin's server code into dist/ alongside the app.
const server = require('../../../dist/src/plugins/raw-import/server/src');

module.exports = server.default || server;
