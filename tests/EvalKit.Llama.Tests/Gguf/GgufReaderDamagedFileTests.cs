using System.Text;
using EvalKit.Core;
using EvalKit.Llama.Gguf;
using static EvalKit.Llama.Tests.Gguf.DamagedGguf;

namespace EvalKit.Llama.Tests.Gguf;

/// <summary>Each damaged copy of stories260K.gguf is refused with a message that names the file, the offset and the defect.</summary>
public sealed class GgufReaderDamagedFileTests
{
    private const int TokenEmbdNameLength = 17; // "token_embd.weight"

    [Fact]
    public void Safetensors_file_is_recognised()
    {
        // Given a file that starts like safetensors: a little-endian header length, then JSON
        var bytes = Copy();
        WriteUInt64(bytes, 0, 120);
        Encoding.ASCII.GetBytes("{\"__metadata__\":{}}").CopyTo(bytes, 8);

        // When it is read, Then the error says what it probably is and how to convert it
        var error = Rejects(bytes);
        Assert.Contains("not a GGUF file", error.Message);
        Assert.Contains("safetensors", error.Message);
        Assert.Contains("convert_hf_to_gguf.py", error.Hint);
        Assert.StartsWith(Name + ":", error.Message);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void PyTorch_zip_checkpoint_is_recognised()
    {
        // Given a file that starts with a zip signature
        var bytes = Copy();
        "PK\u0003\u0004"u8.CopyTo(bytes);

        // When it is read, Then it is named as a PyTorch checkpoint
        Assert.Contains("PyTorch checkpoint", Rejects(bytes).Message);
    }

    [Fact]
    public void Unknown_magic_is_shown()
    {
        // Given a file with unrelated leading bytes
        var bytes = Copy();
        "ABCD"u8.CopyTo(bytes);

        // When it is read, Then the message quotes the bytes and the expected magic
        Assert.Contains("the first bytes are 'ABCD', expected 'GGUF'", Rejects(bytes).Message);
    }

    [Theory]
    [InlineData(1u, "GGUF version 1 is no longer supported")]
    [InlineData(4u, "unsupported GGUF version 4")]
    [InlineData(0x03000000u, "big-endian")]
    public void Unsupported_version_is_refused(uint version, string expected)
    {
        // Given a GGUF header with another version number
        var bytes = Copy();
        WriteUInt32(bytes, 4, version);

        // When it is read, Then the version problem is named at byte 4
        var error = Rejects(bytes);
        Assert.Contains(expected, error.Message);
        Assert.Equal(4, error.Offset);
    }

    [Theory]
    [InlineData(10, "file ends in the middle of the tensor count: 8 byte(s) needed, 2 left (at byte 8)")]
    [InlineData(5000, "file ends in the middle of the length of element 370 of the value of metadata 'tokenizer.ggml.tokens'")]
    [InlineData(11400, "file ends in the middle of the data offset of tensor 'token_embd.weight'")]
    public void Truncated_header_metadata_or_tensor_table_is_refused(int length, string expected)
    {
        // Given a file cut short inside the header, the vocabulary metadata or the tensor table
        var bytes = Copy()[..length];

        // When it is read, Then the truncation is reported with where it happened
        var error = Rejects(bytes);
        Assert.Contains(expected, error.Message);
        Assert.Contains("download it again", error.Hint);
    }

    [Fact]
    public void Absurd_tensor_count_is_refused_before_allocating()
    {
        // Given a header claiming 2^40 tensors in a 1 MB file
        var bytes = Copy();
        WriteUInt64(bytes, 8, 1UL << 40);

        // When it is read, Then the count is refused at its offset
        var error = Rejects(bytes);
        Assert.Contains("the tensor count is 1099511627776, but the", error.Message);
        Assert.Equal(8, error.Offset);
    }

    [Fact]
    public void Absurd_string_length_is_refused_before_allocating()
    {
        // Given the first metadata key claiming a length of 2^62 bytes
        var bytes = Copy();
        WriteUInt64(bytes, 24, 1UL << 62);

        // When it is read, Then the length is refused, not allocated
        var error = Rejects(bytes);
        Assert.Contains("the length of the name of metadata entry 0 is 4611686018427387904", error.Message);
        Assert.Equal(24, error.Offset);
    }

    [Fact]
    public void Unknown_value_type_is_refused()
    {
        // Given general.name's type tag set to 13, which GGUF does not define
        var bytes = Copy();
        var key = IndexOf(bytes, "general.name");
        WriteUInt32(bytes, key + "general.name".Length, 13);

        // When it is read, Then the key and the type are named
        var error = Rejects(bytes);
        Assert.Contains("the value of metadata 'general.name' has unknown value type 13", error.Message);
        Assert.Equal(key + "general.name".Length, error.Offset);
    }

    [Fact]
    public void Unknown_ggml_type_is_refused()
    {
        // Given token_embd.weight typed as 4, the removed Q4_2
        var bytes = Copy();
        var entry = TensorEntry(bytes, "token_embd.weight");
        WriteUInt32(bytes, entry + 8 + TokenEmbdNameLength + 4 + 16, 4);

        // When it is read, Then the tensor and the type number are named
        Assert.Contains("tensor 'token_embd.weight' has unknown ggml type 4", Rejects(bytes).Message);
    }

    [Fact]
    public void Tensor_data_beyond_the_end_of_the_file_is_refused()
    {
        // Given the last byte of the last tensor cut off
        var bytes = Copy()[..^1];

        // When it is read, Then the tensor whose data is missing is named
        var error = Rejects(bytes);
        Assert.Contains("tensor 'blk.4.ffn_norm.weight' needs 256 bytes of data, which run past the end of the 1185375-byte file", error.Message);
        Assert.Equal(1_185_120, error.Offset);
    }

    [Fact]
    public void Misaligned_tensor_offset_is_refused()
    {
        // Given output_norm.weight's data offset moved by 4 bytes
        var bytes = Copy();
        var offsetAt = TensorEntry(bytes, "output_norm.weight") + 8 + 18 + 4 + 8 + 4;
        WriteUInt64(bytes, offsetAt, ReadUInt64(bytes, offsetAt) + 4);

        // When it is read, Then the alignment is named
        Assert.Contains("not a multiple of the alignment 32", Rejects(bytes).Message);
    }

    [Fact]
    public void Overlapping_tensor_data_is_refused()
    {
        // Given output.weight's data moved back into output_norm.weight's
        var bytes = Copy();
        var offsetAt = TensorEntry(bytes, "output.weight") + 8 + 13 + 4 + 16 + 4;
        WriteUInt64(bytes, offsetAt, ReadUInt64(bytes, offsetAt) - 64);

        // When it is read, Then both tensors are named
        Assert.Contains("tensor 'output.weight' (data offset 131264) overlaps tensor 'output_norm.weight'", Rejects(bytes).Message);
    }

    [Fact]
    public void Duplicate_tensor_name_is_refused()
    {
        // Given blk.0.attn_k.weight renamed to blk.0.attn_q.weight
        var bytes = Copy();
        bytes[TensorEntry(bytes, "blk.0.attn_k.weight") + 8 + "blk.0.attn_".Length] = (byte)'q';

        // When it is read, Then the duplicate is named
        Assert.Contains("duplicate tensor name 'blk.0.attn_q.weight'", Rejects(bytes).Message);
    }

    [Fact]
    public void Duplicate_metadata_key_is_refused()
    {
        // Given tokenizer.ggml.eos_token_id renamed to tokenizer.ggml.bos_token_id
        var bytes = Copy();
        bytes[IndexOf(bytes, "tokenizer.ggml.eos_token_id") + "tokenizer.ggml.".Length] = (byte)'b';

        // When it is read, Then the duplicate key is named
        Assert.Contains("duplicate metadata key 'tokenizer.ggml.bos_token_id' (entries", Rejects(bytes).Message);
    }

    [Fact]
    public void Duplicate_vocabulary_token_is_refused_before_llama_cpp_aborts()
    {
        // Given token 4 (<0x01>) renamed to the text of token 3 (<0x00>)
        var bytes = Copy();
        bytes[IndexOf(bytes, "<0x01>") + 4] = (byte)'0';

        // When it is read, Then both token ids are named
        var error = Rejects(bytes);
        Assert.Contains("duplicate vocabulary token '<0x00>' (entries 3 and 4)", error.Message);
        Assert.Contains("aborts the whole process", error.Hint);
    }

    [Theory]
    [InlineData(5u, 0ul, "has 5 dimensions; ggml allows at most 4")]
    [InlineData(2u, 0ul, "has dimension 0 of size 0, an empty tensor")]
    public void Bad_tensor_shape_is_refused(uint dimensions, ulong firstDimension, string expected)
    {
        // Given token_embd.weight with too many dimensions, or a zero-sized one
        var bytes = Copy();
        var dimsAt = TensorEntry(bytes, "token_embd.weight") + 8 + TokenEmbdNameLength;
        WriteUInt32(bytes, dimsAt, dimensions);
        if (dimensions == 2)
            WriteUInt64(bytes, dimsAt + 4, firstDimension);

        // When it is read, Then the shape problem is named
        Assert.Contains("tensor 'token_embd.weight' " + expected, Rejects(bytes).Message);
    }

    [Fact]
    public void Alignment_of_the_wrong_type_is_refused_before_llama_cpp_aborts()
    {
        // Given a written file whose general.alignment is retagged from UInt32 to Int32
        var stream = new MemoryStream();
        new GgufWriter().Set("general.alignment", 64u).WriteTo(stream);
        var bytes = stream.ToArray();
        WriteUInt32(bytes, IndexOf(bytes, "general.alignment") + "general.alignment".Length, (uint)GgufValueType.Int32);

        // When it is read, Then the key, its type and the requirement are named
        Assert.Contains("general.alignment is a Int32 value; it must be a UInt32", Rejects(bytes).Message);
    }

    [Fact]
    public void Array_of_arrays_is_refused()
    {
        // Given a written string array whose element type is retagged as Array
        var stream = new MemoryStream();
        new GgufWriter().Set("list", ["a", "b"]).WriteTo(stream);
        var bytes = stream.ToArray();
        WriteUInt32(bytes, IndexOf(bytes, "list") + 4 + 4, (uint)GgufValueType.Array);

        // When it is read, Then the nesting is named
        Assert.Contains("metadata 'list' is an array of arrays", Rejects(bytes).Message);
    }

    [Fact]
    public void Missing_file_is_a_user_error()
    {
        // Given a path that does not exist, When it is read, Then the error is a plain EvalKitException
        var error = Assert.Throws<EvalKitException>(() => GgufReader.Read("/nonexistent/model.gguf"));
        Assert.Contains("Model file not found: /nonexistent/model.gguf", error.Message);
    }
}
