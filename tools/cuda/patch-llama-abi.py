"""Patch llama.cpp b10361 (ggml 0.19) back to the C ABI that LLamaSharp 0.30.0's bindings expect
(llama.cpp 815a2a591, ggml 0.18): no n_outputs_max_per_seq in llama_context_params, the 4-argument
llama_sampler_init_penalties and llama_sampler_init_dry with n_ctx_train."""
import re, sys, pathlib
root = pathlib.Path(sys.argv[1])

def edit(rel, old, new, count=1):
    p = root / rel
    s = p.read_text()
    if s.count(old) != count:
        sys.exit(f"{rel}: expected {count} of {old!r}, found {s.count(old)}")
    p.write_text(s.replace(old, new))

h = "include/llama.h"
edit(h, "        uint32_t n_outputs_max_per_seq; // max outputs per sequence (0 = n_outputs_max)\n", "")
edit(h, "                             int32_t   n_vocab,\n                             int32_t   penalty_last_n,",
        "                             int32_t   penalty_last_n,")
s = (root / h).read_text()
i = s.index("llama_sampler_init_dry(")
j = s.index("const struct llama_vocab *  vocab,", i)
k = s.index("\n", j)
(root / h).write_text(s[:k+1] + "                             int32_t    n_ctx_train,\n" + s[k+1:])

c = "src/llama-context.cpp"
edit(c, "    cparams.n_outputs_max_per_seq = params.n_outputs_max_per_seq == 0 ?\n            cparams.n_outputs_max : std::min(params.n_outputs_max_per_seq, cparams.n_outputs_max);",
        "    cparams.n_outputs_max_per_seq = 1; // LLamaSharp ABI: the field is not in llama_context_params")
edit(c, "        /*.n_outputs_max_per_seq       =*/ 1,\n", "")

sm = "src/llama-sampler.cpp"
s = (root / sm).read_text()
s = s.replace("struct llama_sampler * llama_sampler_init_penalties(\n        int32_t n_vocab,",
              "static struct llama_sampler * llama_sampler_init_penalties_v(\n        int32_t n_vocab,")
s = s.replace("auto * result = llama_sampler_init_penalties(\n            ctx->n_vocab,",
              "auto * result = llama_sampler_init_penalties_v(\n            ctx->n_vocab,")
s = s.replace("struct llama_sampler * llama_sampler_init_dry(const struct llama_vocab * vocab, float",
              "static struct llama_sampler * llama_sampler_init_dry_v(const struct llama_vocab * vocab, float")
s = s.replace("llama_sampler_init_dry(&dummy_vocab,", "llama_sampler_init_dry_v(&dummy_vocab,")
# forward declarations so earlier callers (clone) see the static functions
fwd = ("static struct llama_sampler * llama_sampler_init_penalties_v(int32_t, int32_t, float, float, float);\n"
       "static struct llama_sampler * llama_sampler_init_dry_v(const struct llama_vocab *, float, float, int32_t, int32_t, const char **, size_t);\n")
first = s.index("\nstatic ")
s = s[:first+1] + fwd + s[first+1:]
s += """
// LLamaSharp 0.30.0 ABI wrappers
struct llama_sampler * llama_sampler_init_penalties(int32_t penalty_last_n, float penalty_repeat, float penalty_freq, float penalty_present) {
    return llama_sampler_init_penalties_v(0, penalty_last_n, penalty_repeat, penalty_freq, penalty_present);
}
struct llama_sampler * llama_sampler_init_dry(const struct llama_vocab * vocab, int32_t n_ctx_train, float dry_multiplier, float dry_base,
        int32_t dry_allowed_length, int32_t dry_penalty_last_n, const char ** seq_breakers, size_t num_breakers) {
    (void) n_ctx_train;
    return llama_sampler_init_dry_v(vocab, dry_multiplier, dry_base, dry_allowed_length, dry_penalty_last_n, seq_breakers, num_breakers);
}
"""
(root / sm).write_text(s)
print("patched", root)
