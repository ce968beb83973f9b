using EvalKit.Llama.Internal;

namespace EvalKit.Llama.Tests.Backend;

public sealed class StopStringsTests
{
    [Theory]
    [InlineData("Hello world. Bye", 0, 11)]   // "." found from the start
    [InlineData("Hello world. Bye", 12, -1)]  // nothing ends in the new text " Bye"
    [InlineData("ab\nUser: x", 6, 2)]         // "\nUser:" ends inside the new text although it starts before it
    public void Earliest_stop_that_ends_in_the_new_text_is_found(string text, int newFrom, int expected)
    {
        Assert.Equal(expected, StopStrings.FindEarliest(text, [".", "\nUser:", ""], newFrom));
    }
}
