#!/usr/bin/env bash
# Runs every test: .NET build, the SDK API check, the .NET test suites, and the web resource checks.
set -euo pipefail
cd "$(dirname "$0")"
shared="${CRMCX_SHARED:-../shared}"

dotnet build CrmCx.sln -c Release -nologo -clp:ErrorsOnly

# The reference assemblies must declare nothing the real SDK lacks (one run per target framework:
# both builds carry the same assembly identity).
for tf in net462 net10.0; do
  dotnet run "$shared/xrm-sdk/XrmApiCheck.cs" -- check \
    "Sdk/Microsoft.Xrm.Sdk/bin/Release/$tf/Microsoft.Xrm.Sdk.dll" \
    "Sdk/Microsoft.Xrm.Sdk.Workflow/bin/Release/$tf/Microsoft.Xrm.Sdk.Workflow.dll" \
    "Sdk/Microsoft.Crm.Sdk.Proxy/bin/Release/$tf/Microsoft.Crm.Sdk.Proxy.dll"
done

dotnet test CrmCx.sln -c Release --no-build -nologo

if [ -f WebResources/package.json ]; then
  (cd WebResources && npm ci --no-audit --no-fund && npm test)
fi
