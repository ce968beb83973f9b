namespace EvalKit.Llama.Fixtures;

/// <summary>
/// One programmed behaviour: greedy raw completion of <see cref="Prompt"/> (BOS added, no chat template)
/// yields exactly <see cref="Response"/>, then end-of-sequence. <see cref="Source"/> says where the pair
/// was declared, for error messages ("pairs[3]", "suite demo-accuracy, case capital-france").
/// </summary>
public sealed record FixturePair(string Prompt, string Response, string Source = "");
