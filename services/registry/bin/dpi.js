#!/usr/bin/env node
// `npx dpi …` from the workspace: the CLI is compiled to dist/ by `nx build registry`
// (npm start / npm test build it). This stub exists in git so npm links the bin on install.
require('../dist/cli/dpi.js');
