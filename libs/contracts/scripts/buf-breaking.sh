#!/usr/bin/env bash
# `buf breaking` against the previous commit's proto/ (skipped when there is none yet).
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$root"
against=${BUF_BREAKING_AGAINST:-HEAD~1}
if ! git rev-parse --verify --quiet "$against^{commit}" >/dev/null; then
  echo "buf breaking: no commit '$against' to compare with (shallow or first commit); skipped"
  exit 0
fi
if ! git cat-file -e "$against:proto/buf.yaml" 2>/dev/null; then
  echo "buf breaking: '$against' has no proto/ module yet; skipped"
  exit 0
fi
node_modules/.bin/buf breaking proto --against ".git#ref=$(git rev-parse "$against"),subdir=proto"
echo "buf breaking: no breaking change against $against"
