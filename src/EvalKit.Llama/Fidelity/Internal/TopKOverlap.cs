using EvalKit.Core.Backends;

namespace EvalKit.Llama.Fidelity.Internal;

/// <summary>
/// The approximate KL of cross-tokenizer fidelity. A position is aligned when a teacher token and a student token
/// start at the same character of the answer (offset minus the answer's start in each scored text); there both
/// predict "the token that starts here", each over its own vocabulary. The two top-k lists are cut to the token
/// texts they share, each renormalised over that intersection (p̃, q̃), and KL(p̃ ‖ q̃) = Σ p̃ (ln p̃ − ln q̃) is
/// summed; positions whose lists share no text are left out. Also sums the teacher's mass on the intersection.
/// </summary>
internal static class TopKOverlap
{
    public static (double Sum, int Positions, double Mass) Kl(
        IReadOnlyList<TokenLogProb> teacher, int teacherAnswerStart, IReadOnlyList<TokenLogProb> student, int studentAnswerStart)
    {
        var studentAt = new Dictionary<int, TokenLogProb>();
        foreach (var token in student.Where(t => t.Offset >= studentAnswerStart && t.Top.Count > 0))
            studentAt.TryAdd(token.Offset - studentAnswerStart, token);

        var (sum, positions, mass) = (0.0, 0, 0.0);
        foreach (var token in teacher.Where(t => t.Offset >= teacherAnswerStart && t.Top.Count > 0))
        {
            if (!studentAt.TryGetValue(token.Offset - teacherAnswerStart, out var twin))
                continue;
            var shared = token.Top.Keys.Where(twin.Top.ContainsKey).ToList();
            if (shared.Count == 0)
                continue;
            var pNorm = LogSumExp(shared.Select(t => token.Top[t]));
            var qNorm = LogSumExp(shared.Select(t => twin.Top[t]));
            var kl = shared.Sum(t =>
            {
                var logP = token.Top[t] - pNorm;
                return Math.Exp(logP) * (logP - (twin.Top[t] - qNorm));
            });
            sum += Math.Max(0, kl);
            positions++;
            mass += Math.Exp(pNorm);
        }
        return (sum, positions, mass);
    }

    private static double LogSumExp(IEnumerable<double> values)
    {
        var list = values.ToList();
        var max = list.Max();
        return max + Math.Log(list.Sum(v => Math.Exp(v - max)));
    }
}
