using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using EvalKit.Core;
using LLama;
using LLama.Native;

namespace EvalKit.Llama.Fidelity.Internal;

/// <summary>
/// Checks that two models mean the same text by every token id — same vocabulary type and size, and per id the
/// same text and attributes as llama.cpp reads them — and fingerprints that shared vocabulary with SHA-256.
/// </summary>
internal static class TokenizerMatch
{
    public static (string Sha256, int VocabSize) EnsureShared(LLamaWeights teacher, string teacherName, LLamaWeights student, string studentName)
    {
        var count = teacher.Vocab.Count;
        if (count != student.Vocab.Count)
            throw NotShared(teacherName, studentName, $"their vocabularies have {count} and {student.Vocab.Count} tokens");
        if (teacher.Vocab.Type != student.Vocab.Type)
            throw NotShared(teacherName, studentName, $"their tokenizers are of different types ({teacher.Vocab.Type} and {student.Vocab.Type})");

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> header = stackalloc byte[8];
        for (var id = 0; id < count; id++)
        {
            var token = (LLamaToken)id;
            var (text, attributes) = (Piece(teacher, token), (int)token.GetAttributes(teacher.Vocab));
            var (other, otherAttributes) = (Piece(student, token), (int)token.GetAttributes(student.Vocab));
            if (!text.AsSpan().SequenceEqual(other) || attributes != otherAttributes)
                throw NotShared(teacherName, studentName, $"token {id} is {Quote(text)} in the teacher and {Quote(other)} in the student");
            BinaryPrimitives.WriteInt32LittleEndian(header, text.Length);
            BinaryPrimitives.WriteInt32LittleEndian(header[4..], attributes);
            hash.AppendData(header);
            hash.AppendData(text);
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), count);
    }

    private static byte[] Piece(LLamaWeights weights, LLamaToken token)
    {
        var buffer = new byte[64];
        var length = (int)weights.NativeHandle.TokenToSpan(token, buffer, 0, true);
        if (length > buffer.Length)
        {
            buffer = new byte[length];
            length = (int)weights.NativeHandle.TokenToSpan(token, buffer, 0, true);
        }
        return buffer[..length];
    }

    private static string Quote(byte[] text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in Encoding.UTF8.GetString(text))
            quoted.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c);
        return quoted.Append('"').ToString();
    }

    private static EvalKitException NotShared(string teacher, string student, string difference) => new(
        $"Teacher '{teacher}' and student '{student}' do not share a tokenizer: {difference}.",
        "Distillation fidelity compares next-token distributions id by id, which only means something when both models " +
        "use the same vocabulary. Compare models with different tokenizers on answers instead: evalkit run --model ... --model ...");
}
