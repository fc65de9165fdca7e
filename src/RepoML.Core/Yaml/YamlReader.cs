using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RepoML.Core.Yaml;

/// <summary>
/// Reads one YAML document into <see cref="YamlNode"/>s with positions, refusing hostile input with diagnostics:
/// aliases are shared rather than copied and their expanded size is bounded, nesting depth is bounded,
/// duplicate keys and binary content are reported. Never throws for bad input.
/// </summary>
public static partial class YamlReader
{
    public static YamlParseResult Read(string file, string text, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Default;
        var diagnostics = new List<Diagnostic>();
        if (text.Length > limits.MaxBytes)
        {
            diagnostics.Add(Diagnostic.InFile(DiagnosticIds.FileTooLarge, file,
                $"file is {text.Length:N0} characters; spec files are limited to {limits.MaxBytes:N0}"));
            return new YamlParseResult(null, diagnostics);
        }

        var binaryAt = FindBinaryContent(text);
        if (binaryAt >= 0)
        {
            var (line, column) = LineAndColumn(text, binaryAt);
            diagnostics.Add(Diagnostic.At(DiagnosticIds.BinaryContent, new SourceSpan(file, line, column),
                "file contains binary data (a NUL or control character, or invalid UTF-8); spec files must be UTF-8 text"));
            return new YamlParseResult(null, diagnostics);
        }

        var builder = new TreeBuilder(file, limits, diagnostics);
        try
        {
            var root = builder.Build(new Parser(new StringReader(text)));
            return new YamlParseResult(root, diagnostics);
        }
        catch (YamlException ex)
        {
            var span = new SourceSpan(file, (int)Math.Max(1, ex.Start.Line), (int)Math.Max(1, ex.Start.Column));
            diagnostics.Add(YamlTabs.FindIndentingTab(file, text) ?? Diagnostic.At(DiagnosticIds.YamlSyntax, span, TrimMessage(ex.Message)));
            return new YamlParseResult(null, ExplainTemplates(file, text, diagnostics));
        }
        catch (TreeBuilder.AbortException)
        {
            return new YamlParseResult(null, ExplainTemplates(file, text, diagnostics));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner throws these on some malformed input instead of a YamlException.
            diagnostics.Add(YamlTabs.FindIndentingTab(file, text) ?? Diagnostic.At(DiagnosticIds.YamlSyntax, builder.LastPosition,
                "malformed YAML near here"));
            return new YamlParseResult(null, ExplainTemplates(file, text, diagnostics));
        }
    }

    /// <summary>
    /// An unquoted <c>{{VAR}}</c> placeholder is YAML flow syntax, so it surfaces as a confusing syntax error;
    /// when the failing line holds one, say that instead.
    /// </summary>
    private static List<Diagnostic> ExplainTemplates(string file, string text, List<Diagnostic> diagnostics)
    {
        var syntax = diagnostics.FirstOrDefault(d => d.Id == DiagnosticIds.YamlSyntax.Id && d.Line is not null);
        if (syntax is null)
        {
            return diagnostics;
        }

        var lines = text.Split('\n');
        for (var line = syntax.Line!.Value; line >= Math.Max(1, syntax.Line.Value - 1); line--)
        {
            var match = line <= lines.Length ? TemplatePattern().Match(lines[line - 1]) : System.Text.RegularExpressions.Match.Empty;
            if (match.Success)
            {
                diagnostics.Remove(syntax);
                diagnostics.Add(Diagnostic.At(DiagnosticIds.TemplatePlaceholder, new SourceSpan(file, line, match.Index + 1),
                    $"unsubstituted placeholder '{match.Value}'; substitute it (or quote it) before validating"));
                break;
            }
        }

        return diagnostics;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\$)\{\{\s*[A-Za-z_][\w.\-]*\s*\}\}")]
    private static partial System.Text.RegularExpressions.Regex TemplatePattern();

    private static string TrimMessage(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line ...): "; the position is reported separately.
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith('(') ? message[(marker + 3)..] : message;
    }

    private static int FindBinaryContent(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\uFFFD' || (c < ' ' && c != '\n' && c != '\r' && c != '\t'))
            {
                return i;
            }
        }

        return -1;
    }

    internal static (int Line, int Column) LineAndColumn(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    private sealed class TreeBuilder(string file, YamlLimits limits, List<Diagnostic> diagnostics)
    {
        private readonly Stack<Frame> stack = new();
        private readonly Dictionary<string, YamlNode> anchors = new(StringComparer.Ordinal);
        private YamlNode? root;
        private int documents;

        /// <summary>Where the last event the parser produced began: the best position for a parser failure.</summary>
        public SourceSpan LastPosition { get; private set; } = new(file, 1, 1);

        public YamlNode? Build(IParser parser)
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                LastPosition = SpanOf(current);
                switch (current)
                {
                    case DocumentStart:
                        if (++documents > 1)
                        {
                            diagnostics.Add(Diagnostic.At(DiagnosticIds.MultipleDocuments, SpanOf(current),
                                "a spec file holds exactly one YAML document"));
                            throw new AbortException();
                        }

                        break;
                    case Scalar scalar:
                        Complete(new YamlScalar(SpanOf(scalar), scalar.Value, scalar.Style == ScalarStyle.Plain), scalar.Anchor);
                        break;
                    case AnchorAlias alias:
                        if (!anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            diagnostics.Add(Diagnostic.At(DiagnosticIds.YamlSyntax, SpanOf(alias),
                                $"alias '*{alias.Value.Value}' refers to no anchor"));
                            throw new AbortException();
                        }

                        Complete(target, AnchorName.Empty);
                        break;
                    case MappingStart mapping:
                        Push(new Frame(SpanOf(mapping), mapping.Anchor, IsMapping: true));
                        break;
                    case SequenceStart sequence:
                        Push(new Frame(SpanOf(sequence), sequence.Anchor, IsMapping: false));
                        break;
                    case MappingEnd or SequenceEnd:
                        var frame = stack.Pop();
                        Complete(frame.ToNode(diagnostics), frame.Anchor);
                        break;
                }
            }

            return root;
        }

        private void Push(Frame frame)
        {
            if (stack.Count >= limits.MaxDepth)
            {
                diagnostics.Add(Diagnostic.At(DiagnosticIds.NestingTooDeep, frame.Span, $"nesting deeper than {limits.MaxDepth} levels"));
                throw new AbortException();
            }

            stack.Push(frame);
        }

        private void Complete(YamlNode node, AnchorName anchor)
        {
            if (node.Weight > limits.MaxNodes)
            {
                diagnostics.Add(Diagnostic.At(DiagnosticIds.AliasExpansion, node.Span,
                    $"the document expands to more than {limits.MaxNodes:N0} nodes (aliases repeated inside aliases?)"));
                throw new AbortException();
            }

            if (!anchor.IsEmpty)
            {
                anchors[anchor.Value] = node;
            }

            if (stack.Count == 0)
            {
                root = node;
                return;
            }

            stack.Peek().Add(node, diagnostics, limits);
        }

        private SourceSpan SpanOf(ParsingEvent e) => new(file, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column));

        internal sealed class AbortException : Exception;

        private sealed record Frame(SourceSpan Span, AnchorName Anchor, bool IsMapping)
        {
            private readonly List<YamlNode> items = [];
            private readonly List<YamlEntry> entries = [];
            private readonly List<YamlMapping> merges = [];
            private YamlScalar? pendingKey;
            private long weight = 1;

            public void Add(YamlNode node, List<Diagnostic> diagnostics, YamlLimits limits)
            {
                weight += node.Weight;
                if (weight > limits.MaxNodes)
                {
                    diagnostics.Add(Diagnostic.At(DiagnosticIds.AliasExpansion, Span,
                        $"the document expands to more than {limits.MaxNodes:N0} nodes (aliases repeated inside aliases?)"));
                    throw new AbortException();
                }

                if (!IsMapping)
                {
                    items.Add(node);
                    return;
                }

                if (pendingKey is null)
                {
                    if (node is not YamlScalar key)
                    {
                        diagnostics.Add(Diagnostic.At(DiagnosticIds.YamlSyntax, node.Span, "mapping keys must be plain text, not lists or mappings"));
                        throw new AbortException();
                    }

                    pendingKey = key;
                    return;
                }

                var entryKey = pendingKey;
                pendingKey = null;
                if (entryKey is { IsPlain: true, Value: "<<" })
                {
                    AddMerge(node, diagnostics);
                    return;
                }

                if (entries.Any(e => e.Key.Value == entryKey.Value))
                {
                    var first = entries.First(e => e.Key.Value == entryKey.Value).Key.Span;
                    diagnostics.Add(Diagnostic.At(DiagnosticIds.DuplicateKey, entryKey.Span,
                        $"duplicate key '{entryKey.Value}' (first defined at line {first.Line})"));
                    return;
                }

                entries.Add(new YamlEntry(entryKey, node));
            }

            private void AddMerge(YamlNode node, List<Diagnostic> diagnostics)
            {
                switch (node)
                {
                    case YamlMapping mapping:
                        merges.Add(mapping);
                        break;
                    case YamlSequence sequence when sequence.Items.All(i => i is YamlMapping):
                        merges.AddRange(sequence.Items.Cast<YamlMapping>());
                        break;
                    default:
                        diagnostics.Add(Diagnostic.At(DiagnosticIds.YamlSyntax, node.Span, "a merge key '<<' needs a mapping or a list of mappings"));
                        break;
                }
            }

            public YamlNode ToNode(List<Diagnostic> diagnostics)
            {
                if (!IsMapping)
                {
                    return new YamlSequence(Span, items);
                }

                foreach (var merged in merges.SelectMany(m => m.Entries))
                {
                    if (entries.All(e => e.Key.Value != merged.Key.Value))
                    {
                        entries.Add(merged);
                    }
                }

                return new YamlMapping(Span, entries);
            }
        }
    }
}
