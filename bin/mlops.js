#!/usr/bin/env node
// The CLI runs the committed bundle, so `npx mlops` works from a checkout without a build.
import "../dist/cli/index.js";
