#!/usr/bin/env bash
# What the --serve browser test needs: Debian's Chromium and the built web resources (WebResources/dist).
# Reuses the web resources' own Chromium script; installs Chromium itself only if that script is gone.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"

if [ -x "$root/WebResources/scripts/ensure-chromium.sh" ] || [ -f "$root/WebResources/scripts/ensure-chromium.sh" ]; then
  bash "$root/WebResources/scripts/ensure-chromium.sh"
elif [ ! -x /usr/bin/chromium ]; then
  echo "Chromium missing: installing Debian's chromium package"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

if [ ! -f "$root/WebResources/dist/cx_/panel/cxpanel.html" ] || [ ! -f "$root/WebResources/dist/cx_/scripts/cxform.js" ]; then
  echo "Web resources not built: npm ci && npm run build in WebResources"
  (cd "$root/WebResources" && npm ci --no-audit --no-fund >/dev/null && npm run build)
fi
