using System.Text;
using EvalKit.Core.Backends;
using EvalKit.Core.Suites;
using EvalKit.Llama.Internal;
using EvalKit.TestSupport;
using LLama;
using LLama.Common;

namespace EvalKit.Llama.Tests.Backend;

public sealed class PromptRendererTests
{
    private static readonly ChatMessage[] Messages = [new("system", "Be brief."), new("user", "Hi there")];

    [Fact]
    public void Transcript_has_one_line_per_message_and_ends_with_the_assistant_cue()
    {
        var transcript = PromptRenderer.Transcript([.. Messages, new("assistant", "Hello."), new("user", "Bye")]);

        Assert.Equal("System: Be brief.\nUser: Hi there\nAssistant: Hello.\nUser: Bye\nAssistant:", transcript);
    }

    [Fact]
    public void Model_chat_template_is_applied_with_the_assistant_cue_and_one_bos()
    {
        // Given phi-3's tokenizer (vocab only: rendering and tokenizing never decode)
        NativeLibrarySetup.Ensure();
        using var weights = LLamaWeights.LoadFromFile(new ModelParams(SharedAssets.Model("ggml-vocab-phi-3.gguf")) { VocabOnly = true });
        var renderer = new PromptRenderer(weights);

        // When chat messages are rendered
        var (text, tokens) = renderer.Render(GenerationRequest.Chat(Messages, new()));

        // Then the model's own template frames them and asks for the assistant's turn
        Assert.True(renderer.HasChatTemplate);
        Assert.Contains("<|user|>", text);
        Assert.Contains("Hi there", text);
        Assert.EndsWith("<|assistant|>\n", text);
        Assert.Equal(weights.Vocab.BOS, tokens[0]);
        Assert.NotEqual(weights.Vocab.BOS, tokens[1]);
        Assert.Contains(weights.Tokenize("<|assistant|>", false, true, Encoding.UTF8).Single(), tokens);
    }

    [Fact]
    public void Raw_prompt_is_not_templated_and_special_text_stays_plain()
    {
        NativeLibrarySetup.Ensure();
        using var weights = LLamaWeights.LoadFromFile(new ModelParams(SharedAssets.Model("ggml-vocab-phi-3.gguf")) { VocabOnly = true });
        var special = weights.Tokenize("<|assistant|>", false, true, Encoding.UTF8).Single();

        var (text, tokens) = new PromptRenderer(weights).Render(GenerationRequest.Raw("<|assistant|>", new()));

        Assert.Equal("<|assistant|>", text);
        Assert.DoesNotContain(special, tokens);
    }

    [Fact]
    public void With_raw_prompt_wrapping_a_raw_prompt_becomes_one_user_turn_in_the_models_template()
    {
        NativeLibrarySetup.Ensure();
        using var weights = LLamaWeights.LoadFromFile(new ModelParams(SharedAssets.Model("ggml-vocab-phi-3.gguf")) { VocabOnly = true });

        var (text, _) = new PromptRenderer(weights, wrapRawPrompts: true).Render(GenerationRequest.Raw("Question: 2+2?\nAnswer:", new()));
        var (chat, _) = new PromptRenderer(weights).Render(GenerationRequest.Chat([new("user", "Question: 2+2?\nAnswer:")], new()));

        Assert.Equal(chat, text);
        Assert.StartsWith("<|user|>", text.TrimStart());
    }

    [Fact]
    public void A_custom_template_replaces_the_models_own()
    {
        NativeLibrarySetup.Ensure();
        using var weights = LLamaWeights.LoadFromFile(new ModelParams(SharedAssets.Model("ggml-vocab-phi-3.gguf")) { VocabOnly = true });
        const string chatml = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}";

        var (text, _) = new PromptRenderer(weights, chatml, wrapRawPrompts: true).Render(GenerationRequest.Raw("Hi there", new()));

        Assert.Equal("<|im_start|>user\nHi there<|im_end|>\n<|im_start|>assistant\n", text);
    }
}
