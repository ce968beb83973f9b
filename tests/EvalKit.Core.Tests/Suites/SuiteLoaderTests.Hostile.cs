using System.Text;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Core.Tests.Suites;

public partial class SuiteLoaderTests
{
    [Fact]
    public void Alias_bomb_is_refused_without_expanding()
    {
        // Given the "billion laughs" pattern: each level doubles the one before
        var yaml = new StringBuilder("id: d\nkind: bias\nl0: &l0 [lol, lol]\n");
        for (var i = 1; i <= 30; i++)
            yaml.Append($"l{i}: &l{i} [*l{i - 1}, *l{i - 1}]\n");

        // When it is parsed
        var error = Assert.Throws<SuiteValidationException>(() => SuiteLoader.Parse(yaml.ToString(), "bomb.yaml"));

        // Then every anchor and alias is reported where it is written, and nothing else
        Assert.Equal(1 + 30 * 3, error.Diagnostics.Count);
        Assert.All(error.Diagnostics, d => Assert.Equal("anchors and aliases are not supported in suites; write the value out", d.Message));
        Assert.Equal((3, 5), (error.Diagnostics[0].Line, error.Diagnostics[0].Column));
        Assert.Equal((4, 10), (error.Diagnostics[2].Line, error.Diagnostics[2].Column));
    }

    [Fact]
    public void Deep_nesting_is_refused_at_the_level_past_the_limit()
    {
        // Given a value nested far deeper than any suite needs
        var yaml = "id: d\nkind: bias\ncases: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        // When it is parsed
        var error = Assert.Throws<SuiteValidationException>(() => SuiteLoader.Parse(yaml, "deep.yaml"));

        // Then the bracket that crosses 32 levels is named (the root map is level 1)
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Contains("nested more than 32 levels deep", diagnostic.Message);
        Assert.Equal((3, 8 + 31), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_its_line_and_column()
    {
        // Given a file whose third line holds a byte that is not UTF-8
        var bytes = Encoding.UTF8.GetBytes("id: d\nkind: bias\ndescription: caf").Concat(new byte[] { 0xE9, 0x0A }).ToArray();
        using var dir = new TempDir();
        var path = dir.File("latin1.yaml");
        File.WriteAllBytes(path, bytes);

        // When it is loaded
        var error = Assert.Throws<SuiteValidationException>(() => SuiteLoader.LoadFile(path));

        // Then the bad byte is located
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal((path, 3, 17), (diagnostic.File, diagnostic.Line, diagnostic.Column));
        Assert.Contains("not valid UTF-8 (byte 0xE9)", diagnostic.Message);
    }

    [Fact]
    public void Files_over_64_MiB_are_refused_before_reading()
    {
        // Given a (sparse) file one byte over the limit
        using var dir = new TempDir();
        var path = dir.File("huge.yaml");
        using (var stream = File.Create(path))
            stream.SetLength(64L * 1024 * 1024 + 1);

        // When it is loaded
        var error = Assert.Throws<SuiteValidationException>(() => SuiteLoader.LoadFile(path));

        // Then the size is the problem, at line 0
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal((0, 0), (diagnostic.Line, diagnostic.Column));
        Assert.Contains("limited to 64 MiB", diagnostic.Message);
    }

    [Fact]
    public void Utf8_byte_order_mark_is_accepted_and_kept_in_the_digest()
    {
        // Given a valid suite saved with a byte order mark
        var bytes = Encoding.UTF8.Preamble.ToArray().Concat(Encoding.UTF8.GetBytes("id: d\nkind: bias\ncases: [{id: a, prompt: p, expected: x}]\n")).ToArray();
        using var dir = new TempDir();
        var path = dir.File("bom.yaml");
        File.WriteAllBytes(path, bytes);

        // When it is loaded
        var suite = SuiteLoader.LoadFile(path);

        // Then it parses and the digest covers the bytes as stored
        Assert.Equal("d", suite.Id);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), suite.Digest);
    }
}
