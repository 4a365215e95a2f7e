#!/usr/bin/env bash
# Runs every test: web resource build, .NET build, the SDK API check, the .NET test suites, and the web resource
# gates (lint, unit, ES2018, browser). Works on a fresh machine of this kind (.NET 10 SDK, Node 20).
set -euo pipefail
cd "$(dirname "$0")"
shared="${CRMCX_SHARED:-../shared}"

# Web resources first, once: the packer and CLI tests read WebResources/dist, and several test
# assemblies running `npm ci` at the same time would race on node_modules.
(cd WebResources && npm ci --no-audit --no-fund && npm run build)
# Headless Chromium for the browser tests (Debian's package; installed only when absent).
bash WebResources/scripts/ensure-chromium.sh

dotnet build CrmCx.sln -c Release -nologo -clp:ErrorsOnly

# The reference assemblies must declare nothing the real SDK lacks (one run per target framework:
# both builds carry the same assembly identity, so one process cannot load both).
for tf in net462 net10.0; do
  dotnet run "$shared/xrm-sdk/XrmApiCheck.cs" -- check \
    "Platform/Microsoft.Xrm.Sdk/bin/Release/$tf/Microsoft.Xrm.Sdk.dll" \
    "Platform/Microsoft.Xrm.Sdk.Workflow/bin/Release/$tf/Microsoft.Xrm.Sdk.Workflow.dll" \
    "Platform/Microsoft.Crm.Sdk.Proxy/bin/Release/$tf/Microsoft.Crm.Sdk.Proxy.dll"
done

dotnet test CrmCx.sln -c Release --no-build -nologo

(cd WebResources && npm test)
