using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CrmCx.Cli.Commands;
using CrmCx.Cli.Seeding;
using CrmCx.Cli.Serving;
using CrmCx.Schema;
using Xunit;

namespace CrmCx.Cli.Tests;

/// <summary>A small demo org served on 127.0.0.1 with an ephemeral port.</summary>
public sealed class ServeFixture : IAsyncLifetime
{
    internal DemoLoad Load { get; private set; } = null!;

    internal PanelServer Server { get; private set; } = null!;

    internal HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The onboarding story's account.</summary>
    internal Guid StoryAccount { get; private set; }

    public async Task InitializeAsync()
    {
        Load = DemoCommand.Load(new DemoSize(4, 200, 11), TextWriter.Null, TextWriter.Null, interactive: false);
        Server = await PanelServer.StartAsync(Load.Org, 0, CancellationToken.None);
        StoryAccount = Load.Org.Snapshot(CustomerSchema.Account).Single(a => a.GetAttributeValue<string>(CustomerSchema.AccountName) == NameBank.StoryAccount).Id;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>A writer the test can read while the command writes to it from another thread.</summary>
internal sealed class SharedWriter : StringWriter
{
    private readonly object gate = new();

    public string Text
    {
        get { lock (gate) return ToString(); }
    }

    public override void Write(char value)
    {
        lock (gate) base.Write(value);
    }

    public override void Write(string? value)
    {
        lock (gate) base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (gate) base.Write(buffer, index, count);
    }
}
