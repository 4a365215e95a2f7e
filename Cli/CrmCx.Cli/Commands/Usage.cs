namespace CrmCx.Cli.Commands;

/// <summary>The usage text printed by "crmcx help" and after any bad option.</summary>
internal static class Usage
{
    public const string Text = """
        Usage: crmcx <command> [options]

        Commands:
          demo    Load a realistic data set into the in-memory org through the real plugins, then print the
                  NPS scorecard and the top at-risk journeys.
                    --accounts N    accounts to seed (1-1000, default 50; contacts and journeys scale with it)
                    --responses N   survey responses to ingest (0-200000, default 5000)
                    --seed S        random seed (default 2026): the same seed prints the same output
                    --serve         after the load, serve the CX panel on 127.0.0.1 with a fake Xrm over the org
                    --port P        port for --serve (0 picks a free one; default 5057)
          bench   Measure calls, time and allocations per response, per journey link and for bulk loads.
                    --quick         small history sizes (for smoke tests)
          recalc  Load the demo data, then run the custom API cx_Recalculate as the daily flow does (repeated on its
                  Continuation), and check every figure against a fresh computation.
                    --scope due|all due (default): what time changed; all: rebuild every figure
                    --accounts N, --responses N, --seed S   as for demo
          pack    Build the managed and unmanaged solution zips with the packer (Packaging/CrmCx.Packaging).
                    any options are passed to the packer
          help    Show this text.
        """;
}
