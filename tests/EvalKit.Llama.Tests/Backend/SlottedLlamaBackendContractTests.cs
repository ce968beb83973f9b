using EvalKit.Core.Backends;
using EvalKit.Llama.Tests.Batching;

namespace EvalKit.Llama.Tests.Backend;

/// <summary>The same contract with slots: concurrent calls share one continuous decode loop.</summary>
public sealed class SlottedLlamaBackendContractTests(ParallelStoriesFixture model)
    : BackendContractTests, IClassFixture<ParallelStoriesFixture>
{
    protected override IModelBackend Backend => model.Backend;
}
