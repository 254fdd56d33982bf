#!/usr/bin/env bash
# Fails when libs/contracts/src/gen differs from what `buf generate` makes of proto/ now.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed "s#out: ../libs/contracts/src/gen#out: $tmp/gen#" "$root/proto/buf.gen.yaml" > "$tmp/buf.gen.yaml"
(cd "$root/proto" && "$root/node_modules/.bin/buf" generate --template "$tmp/buf.gen.yaml")
if ! diff -ru "$tmp/gen" "$root/libs/contracts/src/gen"; then
  echo "libs/contracts/src/gen is stale: run 'npx nx run contracts:generate' and commit the result." >&2
  exit 1
fi
echo "generated contracts are up to date"
