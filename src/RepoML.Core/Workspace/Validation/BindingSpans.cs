namespace RepoML.Core.Workspace.Validation;

/// <summary>Where a <c>${{…}}</c> binding stands in its file: the bindings of a value, and the span of one inside its scalar.</summary>
internal static class BindingSpans
{
    public static IEnumerable<(YamlScalar Scalar, Binding Binding)> BindingsIn(YamlNode node)
    {
        var scalars = node switch
        {
            YamlScalar s => [s],
            YamlMapping m => m.Entries.Select(e => e.Value).OfType<YamlScalar>(),
            _ => [],
        };
        return scalars.SelectMany(s => Binding.FindAll(s.Value).Select(b => (s, b)));
    }

    /// <summary>Where a binding sits in the file: searched in the source text from the scalar's start, so multi-line commands point at the
    /// right line.</summary>
    public static SourceSpan Locate(SpecFile file, YamlScalar scalar, Binding binding)
    {
        if (file.Text is not { } text)
        {
            return scalar.Span;
        }

        var start = OffsetOf(text, scalar.Span.Line, scalar.Span.Column);
        var index = start < 0 ? -1 : text.IndexOf(binding.Text, start, StringComparison.Ordinal);
        if (index < 0)
        {
            return scalar.Span;
        }

        var (line, column) = Yaml.YamlReader.LineAndColumn(text, index);
        return new SourceSpan(file.Path, line, column);
    }

    public static int OffsetOf(string text, int line, int column)
    {
        var offset = 0;
        for (var current = 1; current < line; current++)
        {
            offset = text.IndexOf('\n', offset);
            if (offset < 0)
            {
                return -1;
            }

            offset++;
        }

        return Math.Min(text.Length, offset + column - 1);
    }
}
