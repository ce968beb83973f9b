using EvalKit.Core.Backends;

namespace EvalKit.Llama.Tests.Backend;

public sealed class LlamaBackendContractTests(StoriesModelFixture model)
    : BackendContractTests, IClassFixture<StoriesModelFixture>
{
    protected override IModelBackend Backend => model.Backend;
}
