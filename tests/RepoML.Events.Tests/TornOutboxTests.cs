namespace RepoML.Events.Tests;

/// <summary>An outbox whose last write was cut short by a crash: detected, set aside, reported, and never in the way.</summary>
public sealed class TornOutboxTests
{
    [Fact]
    public async Task Should_set_the_torn_tail_aside_and_deliver_every_whole_event_When_a_write_was_cut_short()
    {
        // Given an outbox with one whole event and half of a second (a crash mid-append)
        using var folder = new EventsTestFolder();
        folder.Outbox.Append(CloudEventCodec.ToCloudEvent(EventsTestFolder.DriftEvent("2025-01-01")));
        var half = CloudEventCodec.Encode(CloudEventCodec.ToCloudEvent(EventsTestFolder.DriftEvent("2025-01-02")));
        await File.AppendAllBytesAsync(folder.Outbox.Path, half[..(half.Length / 2)]);
        Assert.Equal(half.Length / 2, folder.Outbox.TornTailBytes());

        // When the next event is published
        using var receiver = new RecordingHttpServer((_, _) => new HttpReply(200, "{}"));
        var sink = new SinkSettings("hook", SinkSettings.Webhook, [], receiver.BaseAddress + "hooks", null, null, null, null);
        var settings = EventsTestFolder.Settings(sink);
        using var http = new HttpClient();
        var log = new StringWriter();
        var publisher = new OutboxEventPublisher(folder.Outbox, folder.Delivery(settings, EventSinkFactory.Create(settings, _ => null, http)), log);
        await publisher.PublishAsync(EventsTestFolder.DriftEvent("2025-01-03"));

        // Then the fragment is set aside and reported, and both whole events are listed and delivered
        Assert.Contains("torn record", log.ToString(), StringComparison.Ordinal);
        var fragment = Assert.Single(Directory.GetFiles(folder.Outbox.TornFolder));
        Assert.Equal(half[..(half.Length / 2)], await File.ReadAllBytesAsync(fragment));
        Assert.Equal(0, folder.Outbox.TornTailBytes());
        Assert.Equal(2, folder.Outbox.ReadAll().Count);
        Assert.Equal(2, receiver.Accepted.Count);
        Assert.All(publisher.LastOutcomes, o => Assert.True(o.Healthy));
    }

    [Fact]
    public void Should_salvage_the_event_and_note_the_fragment_When_an_older_outbox_glued_an_event_onto_a_fragment()
    {
        // Given what an outbox written before the repair looks like: a fragment with a whole event appended onto it
        using var folder = new EventsTestFolder();
        var first = CloudEventCodec.Encode(CloudEventCodec.ToCloudEvent(EventsTestFolder.DriftEvent("2025-01-01")));
        var second = CloudEventCodec.Encode(CloudEventCodec.ToCloudEvent(EventsTestFolder.DriftEvent("2025-01-02")));
        Directory.CreateDirectory(Path.GetDirectoryName(folder.Outbox.Path)!);
        File.WriteAllBytes(folder.Outbox.Path, [.. first[..40], .. second, (byte)'\n', .. "{not json\n"u8.ToArray()]);

        // When it is read
        var notes = new List<string>();
        var events = folder.Outbox.ReadAll(notes.Add);

        // Then the glued event is salvaged, the garbage line noted, and nothing throws
        Assert.Equal(EventsTestFolder.DriftEvent("2025-01-02").Id, Assert.Single(events).Id);
        Assert.Contains("not a whole event", Assert.Single(notes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"offset\": 12, \"last_event_id\": \"\\ud800\"}")]
    [InlineData("{\"offset\": -5}")]
    [InlineData("{\"offset\": \"12\"}")]
    [InlineData("{\"offs")]
    [InlineData("")]
    public void Should_name_the_file_and_the_way_out_When_a_sink_progress_file_is_not_one(string text)
    {
        // Given a progress file someone edited or a disk cut short (the writer itself renames whole files into place)
        using var folder = new EventsTestFolder();
        folder.Progress.Save("hook", 40, "e-1", DateTimeOffset.UnixEpoch);
        Assert.Equal(40, folder.Progress.Offset("hook"));
        File.WriteAllText(Path.Combine(folder.Progress.Folder, "hook.json"), text);

        // When delivery asks how far the sink got
        var error = Assert.Throws<InvalidDataException>(() => folder.Progress.Offset("hook"));

        // Then it neither guesses nor crashes with a parser message: the file and the two ways out are named
        Assert.Contains(Path.Combine(folder.Progress.Folder, "hook.json"), error.Message, StringComparison.Ordinal);
        Assert.Contains("delete the file to deliver the whole outbox to this sink again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_to_append_and_leave_the_target_alone_When_the_outbox_is_a_link()
    {
        // Given an outbox path that is a link to a file elsewhere, whose last line has no newline (a "torn tail" to cut)
        using var folder = new EventsTestFolder();
        using var elsewhere = new TempFolder("elsewhere");
        var target = elsewhere.Write("notes.txt", "line one\nno newline at the end");
        Directory.CreateDirectory(Path.GetDirectoryName(folder.Outbox.Path)!);
        File.CreateSymbolicLink(folder.Outbox.Path, target);

        // When an event is appended
        var error = Assert.Throws<IOException>(() => folder.Outbox.Append(CloudEventCodec.ToCloudEvent(EventsTestFolder.DriftEvent())));

        // Then the link is named, and the file it points to is neither cut nor appended to
        Assert.Contains("is a symbolic link", error.Message, StringComparison.Ordinal);
        Assert.Equal("line one\nno newline at the end", File.ReadAllText(target));
    }
}
