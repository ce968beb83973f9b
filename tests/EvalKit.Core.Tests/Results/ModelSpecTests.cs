using EvalKit.Core.Backends;

namespace EvalKit.Core.Tests.Results;

public class ModelSpecTests
{
    [Theory]
    [InlineData("student=models/s.gguf", "student", "models/s.gguf")]
    [InlineData("models/student.gguf", "student", "models/student.gguf")]
    [InlineData("llama:models/teacher.gguf", "teacher", "llama:models/teacher.gguf")]
    [InlineData("models/a=b.gguf", "a=b", "models/a=b.gguf")]
    [InlineData(" t = /abs/path.gguf ", "t", "/abs/path.gguf")]
    [InlineData("openai:http://host:8000/v1#deepseek-r1", "deepseek-r1", "openai:http://host:8000/v1#deepseek-r1")]
    [InlineData("teacher=openai:http://host:8000/v1#deepseek-r1", "teacher", "openai:http://host:8000/v1#deepseek-r1")]
    public void Parse_splits_an_optional_name_from_the_source(string text, string name, string source)
    {
        var spec = ModelSpec.Parse(text);

        Assert.Equal((name, source), (spec.Name, spec.Source));
    }
}
