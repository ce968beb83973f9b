using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Remote.Tests;

/// <summary>A small suite of raw and chat cases that stories260K continues greedily.</summary>
internal static class StorySuite
{
    public const string Yaml = """
        id: stories
        kind: custom
        defaults:
          max_tokens: 20
        scorer:
          type: contains
        cases:
          - id: once
            prompt: Once upon a time
            expected: [Lily]
          - id: dog
            prompt: The little dog
            expected: [the]
          - id: sun
            prompt: The sun was
            expected: [happy]
          - id: park
            prompt: One day, Tom went to the park
            expected: [park]
          - id: ball
            prompt: She had a red ball
            expected: [ball]
          - id: chat-cat
            messages:
              - {role: user, content: Tell me a story about a cat.}
            expected: [cat]
          - id: chat-system
            messages:
              - {role: system, content: You tell short stories.}
              - {role: user, content: A story about a tree.}
            expected: [tree]
        """;

    public static Suite Load(TempDir temp) => SuiteLoader.LoadAll([temp.Write("suites/stories.yaml", Yaml)]).Single();
}
