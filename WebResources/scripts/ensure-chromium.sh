#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests, only when it is not there yet (apt needs root, as on CI).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
echo "Chromium missing: installing Debian's chromium package"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
