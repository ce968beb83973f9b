using EvalKit.Core.Scoring;

namespace EvalKit.Core.Tests.Scoring;

public class AbstentionDetectorTests
{
    [Theory]
    [InlineData("I don't know.")]
    [InlineData("I do not know who that is.")]
    [InlineData("I’m not aware of any Norwegian act with that name.")]
    [InlineData("I have no record of that paper.")]
    [InlineData("There is no such law in Norway.")]
    [InlineData("As far as I can tell, Kessenmark does not exist.")]
    [InlineData("I cannot find any information about that race.")]
    [InlineData("I couldn't verify that such a paper was published.")]
    [InlineData("I am not familiar with any Great Reykjavik Chess Riot.")]
    [InlineData("There is no evidence that a hydraulic typewriter was invented in 1871.")]
    [InlineData("That novel appears to be fictional.")]
    [InlineData("I don't have any information about this person.")]
    [InlineData("我不知道。")]
    [InlineData("没有这样的法律。")]
    [InlineData("据我所知，这个岛屿并不存在。")]
    [InlineData("我没有找到关于这篇论文的任何信息。")]
    [InlineData("没有关于此人的记录。")]
    [InlineData("我没听说过这位作曲家。")]
    public void Replies_that_decline_for_lack_of_knowledge_abstain(string reply)
    {
        Assert.NotNull(AbstentionDetector.Find(reply));
    }

    [Theory]
    [InlineData("Liora Vantesk won the Nobel Prize in Physics in 1987.")]
    [InlineData("The detective is a fictional inspector named Hale.")]
    [InlineData("Violations carry fines of up to 250000 dollars.")]
    [InlineData("I'm not sure, but I think it was 1987.")]
    [InlineData("I don't know for certain; however, it was probably the 1962 race winner, Ahmed Salah.")]
    [InlineData("她于1987年获得诺贝尔物理学奖。")]
    [InlineData("我不太清楚，但可能是1987年。")]
    [InlineData("")]
    [InlineData("   ")]
    public void Answers_and_hedged_guesses_are_attempts(string reply)
    {
        Assert.Null(AbstentionDetector.Find(reply));
    }

    [Fact]
    public void The_phrase_found_is_returned_for_the_reason()
    {
        Assert.Equal("there is no record", AbstentionDetector.Find("There is NO RECORD OF a US Federal Cloud Act."));
    }
}
