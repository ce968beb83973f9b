namespace EvalKit.Llama.Fixtures;

/// <summary>A compiled fixture model: where it was written and what it was built from.</summary>
/// <param name="Path">The GGUF file.</param>
/// <param name="Digest">The spec's <see cref="FixtureSpec.Digest"/>, also stored in the file as <c>evalkit.fixture.digest</c>.</param>
/// <param name="Pairs">The programmed pairs, without repeats.</param>
/// <param name="VocabularySize">Number of tokens.</param>
/// <param name="EmbeddingLength">The model width (a power of two).</param>
public sealed record FixtureModel(string Path, string Digest, IReadOnlyList<FixturePair> Pairs, int VocabularySize, int EmbeddingLength);
