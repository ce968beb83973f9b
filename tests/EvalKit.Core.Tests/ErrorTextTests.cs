namespace EvalKit.Core.Tests;

/// <summary>Error texts keep the settings and operations they name, for each front end to word its own way.</summary>
public sealed class ErrorTextTests
{
    private static string Flags(Enum term) => term switch
    {
        Setting.MaxCost => "--max-cost",
        Setting.Resume => "--resume",
        Operation.Run => "evalkit run",
        _ => "?",
    };

    [Fact]
    public void Terms_are_worded_by_the_front_end_and_neutrally_otherwise_with_values_formatted_as_in_a_string()
    {
        // Given a text naming an operation and two settings, with a formatted number
        var spend = 2.5;
        ErrorText text = $"{Operation.Run} {Setting.Resume} results/x {Setting.MaxCost} {spend:0.00}";

        // Then the front end words the terms, the neutral wording is snake_case, and the terms are listed in order
        Assert.Equal($"evalkit run --resume results/x --max-cost {spend:0.00}", text.Render(Flags));
        Assert.Equal($"run resume results/x max_cost {spend:0.00}", text.ToString());
        Assert.Equal([Operation.Run, Setting.Resume, Setting.MaxCost], text.Terms);
    }

    [Fact]
    public void Plain_strings_joined_and_nested_texts_keep_their_terms()
    {
        // Given
        ErrorText plain = "no terms here";
        var joined = ErrorText.Join("; ", [plain, $"pass {Setting.MaxCost}"]);

        // When one text is put inside another
        ErrorText outer = $"Cannot start:{joined}.";

        // Then
        Assert.Equal("no terms here", plain.Render(Flags));
        Assert.Empty(plain.Terms);
        Assert.Equal("Cannot start:no terms here; pass --max-cost.", outer.Render(Flags));
        Assert.Equal([Setting.MaxCost], outer.Terms);
    }

    [Fact]
    public void An_exception_keeps_its_kind_and_texts_and_its_message_is_the_neutral_wording()
    {
        // When a write fails on a read-only disk or otherwise
        var error = Errors.CannotWrite("/x/samples.jsonl", new IOException("denied"));

        // Then the hint names the output folder setting, whichever branch wrote it
        Assert.Equal(ErrorKind.RuntimeFailure, error.Kind);
        Assert.Equal("Cannot write /x/samples.jsonl: denied", error.Message);
        Assert.Contains(Setting.OutputFolder, error.HintText!.Terms);
        Assert.Contains("pass output_folder to another folder", error.Hint);
    }
}
