#!/usr/bin/env node
"use strict";
// Compiled by `npm install` (the `prepare` script) from src/cli.
require("../lib/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
