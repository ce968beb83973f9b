using EvalKit.Llama.Gguf;
using EvalKit.TestSupport;

namespace EvalKit.Llama.Tests.Gguf;

public sealed class GgufWriterTests
{
    [Fact]
    public void Metadata_of_every_type_round_trips()
    {
        // Given one scalar and one array of every GGUF value type
        using var temp = new TempDir();
        var writer = new GgufWriter()
            .Set("u8", GgufValue.Scalar(GgufValueType.UInt8, (byte)200))
            .Set("i8", GgufValue.Scalar(GgufValueType.Int8, (sbyte)-100))
            .Set("u16", GgufValue.Scalar(GgufValueType.UInt16, (ushort)60000))
            .Set("i16", GgufValue.Scalar(GgufValueType.Int16, (short)-30000))
            .Set("u32", 4_000_000_000u)
            .Set("i32", -2_000_000_000)
            .Set("f32", 1.5f)
            .Set("bool", true)
            .Set("string", "héllo ▁ 世界")
            .Set("u64", GgufValue.Of(ulong.MaxValue))
            .Set("i64", GgufValue.Scalar(GgufValueType.Int64, long.MinValue))
            .Set("f64", GgufValue.Scalar(GgufValueType.Float64, Math.PI))
            .Set("a.string", ["a", "", "世界"])
            .Set("a.f32", [0.5f, -2f])
            .Set("a.i32", [1, -1])
            .Set("a.bool", GgufValue.Array(GgufValueType.Bool, new[] { true, false }))
            .Set("a.u8", GgufValue.Array(GgufValueType.UInt8, new byte[] { 1, 2, 3 }))
            .Set("a.f64", GgufValue.Array(GgufValueType.Float64, new[] { 1.25, -0.5 }))
            .Set("a.u64", GgufValue.Array(GgufValueType.UInt64, new ulong[] { 7, ulong.MaxValue }));

        // When it is written and read back
        writer.Write(temp.File("meta.gguf"));
        var file = GgufReader.Read(temp.File("meta.gguf"));

        // Then every key, type and value survives, in order
        Assert.Equal(["u8", "i8", "u16", "i16", "u32", "i32", "f32", "bool", "string", "u64", "i64", "f64",
            "a.string", "a.f32", "a.i32", "a.bool", "a.u8", "a.f64", "a.u64"], file.Keys);
        Assert.Equal((byte)200, file.Metadata["u8"].Value);
        Assert.Equal((sbyte)-100, file.Metadata["i8"].Value);
        Assert.Equal((ushort)60000, file.Metadata["u16"].Value);
        Assert.Equal((short)-30000, file.Metadata["i16"].Value);
        Assert.Equal(4_000_000_000u, file.Metadata["u32"].Value);
        Assert.Equal(-2_000_000_000L, file.GetInt64("i32"));
        Assert.Equal(1.5f, file.Metadata["f32"].Value);
        Assert.Equal(true, file.Metadata["bool"].Value);
        Assert.Equal("héllo ▁ 世界", file.GetString("string"));
        Assert.Equal(ulong.MaxValue, file.Metadata["u64"].Value);
        Assert.Equal(long.MinValue, file.Metadata["i64"].Value);
        Assert.Equal(Math.PI, file.Metadata["f64"].Value);
        Assert.Equal(["a", "", "世界"], file.GetArray<string>("a.string")!);
        Assert.Equal([0.5f, -2f], file.GetArray<float>("a.f32")!);
        Assert.Equal([1, -1], file.GetArray<int>("a.i32")!);
        Assert.Equal([true, false], file.GetArray<bool>("a.bool")!);
        Assert.Equal([1, 2, 3], file.GetArray<byte>("a.u8")!);
        Assert.Equal([1.25, -0.5], file.GetArray<double>("a.f64")!);
        Assert.Equal([7UL, ulong.MaxValue], file.GetArray<ulong>("a.u64")!);
        Assert.Equal(GgufValueType.UInt64, file.Metadata["a.u64"].ElementType);
        Assert.Empty(file.Tensors);
    }

    [Theory]
    [InlineData(32u)]
    [InlineData(64u)]
    public void Tensors_are_aligned_and_hold_their_values(uint alignment)
    {
        // Given F32 and F16 tensors of awkward sizes, under the default or a larger alignment
        using var temp = new TempDir();
        var path = temp.File("tensors.gguf");
        var writer = new GgufWriter().Set("general.architecture", "test");
        if (alignment != 32)
            writer.Set("general.alignment", alignment);
        float[] small = [1f, -2f, 3.5f];
        writer.AddTensor("small", [3], small)
            .AddTensor("half", [5, 3], GgmlType.F16, (row, values) => values.Fill(row + 0.5f))
            .AddTensor("after", [2, 2], [9f, 8f, 7f, 6f]);

        // When it is written and read back
        writer.Write(path);
        var file = GgufReader.Read(path);

        // Then the table, the alignment and the raw data agree with what was written
        Assert.Equal((int)alignment, file.Alignment);
        Assert.Equal(0, file.DataOffset % alignment);
        Assert.Equal(["small F32 [3]", "half F16 [5, 3]", "after F32 [2, 2]"], file.Tensors.Select(t => t.ToString()));
        Assert.All(file.Tensors, t => Assert.Equal(0, t.Offset % alignment));
        Assert.Equal(3 + 15 + 4, GgufModelSummary.From(file).ParameterCount);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(small, Floats(bytes, file, "small", 3));
        Assert.Equal([9f, 8f, 7f, 6f], Floats(bytes, file, "after", 4));
        var halfAt = (int)(file.DataOffset + file.Tensors[1].Offset);
        Assert.Equal((Half)2.5f, BitConverter.ToHalf(bytes, halfAt + 2 * 10));
        Assert.Equal(30, file.Tensors[1].ByteSize);
    }

    [Fact]
    public void Write_replaces_the_file_atomically_and_leaves_no_temporary_file()
    {
        // Given an existing file at the target path
        using var temp = new TempDir();
        var path = temp.Write("model.gguf", "old contents");

        // When a GGUF is written over it
        new GgufWriter().Set("general.name", "new").Write(path);

        // Then the new file is complete and nothing else is left in the folder
        Assert.Equal("new", GgufReader.Read(path).GetString("general.name"));
        Assert.Equal([path], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Writer_refuses_what_llama_cpp_would_reject()
    {
        // Given a writer, When it is asked for invalid content, Then it refuses before writing anything
        var writer = new GgufWriter().AddTensor("t", [2], [1f, 2f]);
        Assert.Throws<ArgumentException>(() => writer.AddTensor("t", [2], [1f, 2f]));
        Assert.Throws<ArgumentException>(() => writer.AddTensor(new string('x', 64), [1], [1f]));
        Assert.Throws<ArgumentException>(() => writer.AddTensor("zero", [0], []));
        Assert.Throws<ArgumentException>(() => writer.AddTensor("five", [1, 1, 1, 1, 1], [1f]));
        Assert.Throws<ArgumentException>(() => writer.AddTensor("count", [3], [1f]));
        Assert.Throws<ArgumentException>(() => writer.AddTensor("q", [32], GgmlType.Q4_0, (_, _) => { }));
        Assert.Throws<ArgumentException>(() => writer.Set("general.alignment", 48u));
        Assert.Throws<ArgumentException>(() => writer.Set("general.alignment", 32));
    }

    private static float[] Floats(byte[] bytes, GgufFile file, string tensor, int count)
    {
        var at = (int)(file.DataOffset + file.Tensors.Single(t => t.Name == tensor).Offset);
        return Enumerable.Range(0, count).Select(i => BitConverter.ToSingle(bytes, at + 4 * i)).ToArray();
    }
}
