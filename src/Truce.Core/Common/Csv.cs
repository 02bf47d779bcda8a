using System.Text;

namespace Truce.Core.Common;

/// <summary>
/// CSV as people download it (RFC 4180): fields in double quotes may hold commas, quotes (doubled) and line
/// breaks; lines end in LF or CRLF; a UTF-8 byte-order mark is skipped by the reader that opens the file.
/// Each record comes with the line it starts on, so a bad row can be named.
/// </summary>
public static class Csv
{
    /// <summary>The records of <paramref name="reader"/>, each with the number of the line it starts on (1-based).</summary>
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var startLine = 1;
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return (startLine, fields.ToArray());
                    fields.Clear();
                    any = false;
                    startLine = ++line;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return (startLine, fields.ToArray());
        }
    }

    /// <summary>A field as written: quoted when it holds a comma, a quote or a line break.</summary>
    public static string Field(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
