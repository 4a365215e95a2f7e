#!/usr/bin/env bash
# The main job in one command: build the solution, build the web resources, pack the managed solution, then run the
# demo on the embedded in-memory org. Arguments go to "crmcx demo" (e.g. ./demo.sh --serve, ./demo.sh --seed 7).
set -euo pipefail
cd "$(dirname "$0")"

echo "== dotnet build (Release)"
dotnet build CrmCx.sln -c Release -nologo -clp:ErrorsOnly

# The web resources are built only when missing or older than their sources (npm ci first on a fresh clone).
if [ -f WebResources/package.json ]; then
  (
    cd WebResources
    if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      echo "== npm ci (WebResources)"
      npm ci --no-audit --no-fund
    fi
    if [ ! -f dist/cx_/panel/cxpanel.js ] || [ -n "$(find src scripts package.json -newer dist/cx_/panel/cxpanel.js -print -quit)" ]; then
      echo "== npm run build (WebResources)"
      npm run build
    fi
  )
fi

crmcx=(dotnet Cli/CrmCx.Cli/bin/Release/net10.0/crmcx.dll)
echo "== crmcx pack"
# A packing failure is reported and ends the script with its code, but the demo still runs: it needs no zip.
pack_status=0
"${crmcx[@]}" pack || pack_status=$?
if [ "$pack_status" -ne 0 ]; then
  echo "crmcx pack failed (exit $pack_status): see the messages above; running the demo anyway." >&2
fi
echo "== crmcx demo $*"
"${crmcx[@]}" demo "$@"
exit "$pack_status"
