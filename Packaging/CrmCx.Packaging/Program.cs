using System;
using CrmCx.Packaging;

// crmcx packaging: generate | check | pack [--no-build] [--out <folder>] [--version <v>] [--message-id <message>=<id>]... (PackagingCommands.Usage)
return PackagingCommands.Run(args, Console.Out, Console.Error);
