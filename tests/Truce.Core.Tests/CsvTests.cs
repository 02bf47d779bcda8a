using Truce.Core.Common;

namespace Truce.Core.Tests;

/// <summary>CSV as people download it: quotes, commas and line breaks inside fields, CRLF, a last line without a break.</summary>
public sealed class CsvTests
{
    [Fact]
    public void Quoted_fields_keep_their_commas_quotes_and_line_breaks_and_each_record_its_first_line()
    {
        var text = "id,lat,lon\r\n1,48.7,37.5\r\n\"two, quoted\",\"say \"\"hi\"\"\",\"a\nb\"\n3,46.4,30.7";

        var records = Csv.Read(new StringReader(text)).ToList();

        Assert.Equal([1, 2, 3, 5], records.Select(r => r.Line));
        Assert.Equal(["two, quoted", "say \"hi\"", "a\nb"], records[2].Fields);
        Assert.Equal(["3", "46.4", "30.7"], records[3].Fields);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData(null, "")]
    public void A_field_is_quoted_only_when_it_must_be(string? value, string written)
    {
        Assert.Equal(written, Csv.Field(value));
        Assert.Equal(value ?? string.Empty, Csv.Read(new StringReader(written + "\n")).Single().Fields[0]);
    }
}
