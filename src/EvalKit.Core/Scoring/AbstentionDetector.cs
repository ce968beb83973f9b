using System.Text.RegularExpressions;

namespace EvalKit.Core.Scoring;

/// <summary>
/// Recognises a reply that declines to answer for lack of knowledge ("I don't know", "I'm not aware of",
/// "there is no such …", "no record of", "does not exist", "我不知道", "没有这样的", "不存在", …). A hedged guess
/// that follows ("I'm not sure, but I think it was 1987", "不太清楚，但可能是…") is an attempt, not an abstention,
/// as in SimpleQA's grading (Wei et al. 2024).
/// </summary>
public static partial class AbstentionDetector
{
    /// <summary>Only this many characters from the start of a reply are read; a declining reply says so early.</summary>
    public const int MaxChars = 20_000;

    /// <summary>The phrase that shows the reply abstains, or null when it attempts an answer (or is blank).</summary>
    public static string? Find(string reply)
    {
        var text = Normalize(reply.Length > MaxChars ? reply[..MaxChars] : reply);
        var match = English.Match(text);
        if (!match.Success)
            match = Chinese.Match(text);
        if (!match.Success)
            return null;
        return Guess.IsMatch(text[(match.Index + match.Length)..]) ? null : match.Value;
    }

    /// <summary>Lower case, typographic apostrophes made plain, whitespace runs made single spaces.</summary>
    internal static string Normalize(string text) =>
        Whitespace.Replace(text.ToLowerInvariant().Replace('’', '\'').Replace('‘', '\''), " ");

    private const RegexOptions Options = RegexOptions.CultureInvariant;

    [GeneratedRegex(
        @"\bi (?:do not|don't|dont|really don't) know\b|\bi have no idea\b|\bi'?m not (?:sure|certain|aware|familiar)\b"
        + @"|\bi am not (?:sure|certain|aware|familiar)\b|\bnot aware of\b|\bnot familiar with\b|\bno such\b"
        + @"|\b(?:have|has|had|there is|there's|there are|there was|with|found|find) no (?:knowledge|information|info|record|records|data|details|evidence|mention|trace|reference)\b"
        + @"|\bno (?:record|records|evidence|mention|trace) (?:of|that|about|for)\b|\bno (?:reliable |verifiable )?information (?:about|on|regarding)\b"
        + @"|\bi (?:do not|don't) have (?:any )?(?:information|details|data|knowledge|records?)\b"
        + @"|\b(?:does|do|did) not exist\b|\b(?:doesn't|don't|didn't) exist\b|\bnever existed\b|\bnon-?existent\b"
        + @"|\b(?:cannot|can't|can not|could not|couldn't|unable to|not able to) (?:find|locate|verify|confirm|identify)\b"
        + @"|\bi (?:cannot|can't|could not|couldn't) (?:say|tell|determine)\b"
        + @"|\b(?:appears|seems|may|might|must|is|be) (?:to be )?(?:entirely )?(?:fictional|fictitious|made[- ]up|invented)\b"
        + @"|\b(?:not|isn't|wasn't) a real\b|\b(?:beyond|outside) (?:my|the scope of my) knowledge\b",
        Options)]
    private static partial Regex English { get; }

    [GeneratedRegex(
        "我(?:并|真的)?不知道|我(?:并)?不(?:太)?(?:清楚|确定|了解)|没有这样的|没有这个|(?:并|根本)?不存在|从未存在"
        + "|没有(?:找到|查到)|找不到|无法找到|未能找到|未找到|查不到|查无"
        + "|没有(?:任何|相关|关于)?[^。，,.]{0,8}?(?:信息|资料|记录|证据|报道)|无从(?:得知|查证|知晓)|无法(?:确认|核实|证实|查证)"
        + "|没(?:有)?听说过|从未听说|(?:是|属于|可能是)虚构|杜撰",
        Options)]
    private static partial Regex Chinese { get; }

    // A guess after the abstention turns it into an attempt.
    [GeneratedRegex(
        @"\b(?:but|however|though)\b[^.!?\n]{0,40}?\b(?:i think|i believe|i guess|it (?:might|may|could) be|possibly|perhaps|probably|likely|my best guess)\b"
        + "|(?:但|不过|但是)[^。！？\n]{0,20}?(?:可能是|也许是|大概是|我猜|我认为|应该是)",
        Options)]
    private static partial Regex Guess { get; }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace { get; }
}
