using System;
using CrmCx.Packaging;

// crmcx packaging: generate | check | pack [--no-build] [--out <folder>]
return PackagingCommands.Run(args, Console.Out, Console.Error);
