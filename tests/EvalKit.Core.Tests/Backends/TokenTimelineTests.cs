using EvalKit.Core.Backends;

namespace EvalKit.Core.Tests.Backends;

public sealed class TokenTimelineTests
{
    // "ab" at 10 ms, a step adding no text (half a UTF-8 character) at 12 ms, "cde" at 20 ms
    private static readonly TokenTimeline Timeline = new([2, 2, 5], [10, 12, 20]);

    [Theory]
    [InlineData(0, 10.0)]
    [InlineData(1, 10.0)]
    [InlineData(2, 20.0)]
    [InlineData(4, 20.0)]
    public void A_character_appeared_with_the_first_step_that_ends_beyond_it(int index, double expectedMs) =>
        Assert.Equal(expectedMs, Timeline.TimeOfCharacter(index));

    [Fact]
    public void A_character_no_step_reached_has_no_time() => Assert.Null(Timeline.TimeOfCharacter(5));

    [Fact]
    public void Steps_that_go_backwards_are_refused() =>
        Assert.Throws<ArgumentException>(() => new TokenTimeline([3, 2], [1, 2]));
}
