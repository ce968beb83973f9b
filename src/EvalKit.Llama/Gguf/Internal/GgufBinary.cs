using System.Text;

namespace EvalKit.Llama.Gguf.Internal;

/// <summary>GGUF's little-endian encoding of metadata values, strings and alignment padding.</summary>
internal static class GgufBinary
{
    public static void WriteValue(BinaryWriter writer, GgufValue value)
    {
        writer.Write((uint)value.Type);
        if (value.Value is not Array array)
        {
            WriteScalar(writer, value.Value);
            return;
        }
        writer.Write((uint)value.ElementType!.Value);
        writer.Write((ulong)array.Length);
        foreach (var element in array)
            WriteScalar(writer, element);
    }

    public static void WriteScalar(BinaryWriter writer, object value)
    {
        switch (value)
        {
            case byte v: writer.Write(v); break;
            case sbyte v: writer.Write(v); break;
            case ushort v: writer.Write(v); break;
            case short v: writer.Write(v); break;
            case uint v: writer.Write(v); break;
            case int v: writer.Write(v); break;
            case float v: writer.Write(v); break;
            case bool v: writer.Write((byte)(v ? 1 : 0)); break;
            case string v: WriteString(writer, v); break;
            case ulong v: writer.Write(v); break;
            case long v: writer.Write(v); break;
            case double v: writer.Write(v); break;
            default: throw new ArgumentException($"No GGUF type for {value.GetType().Name}.", nameof(value));
        }
    }

    public static void WriteString(BinaryWriter writer, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        writer.Write((ulong)bytes.Length);
        writer.Write(bytes);
    }

    public static void Pad(BinaryWriter writer, int alignment)
    {
        writer.Flush();
        var position = writer.BaseStream.Position;
        for (var i = position; i < GgufParser.Align(position, alignment); i++)
            writer.Write((byte)0);
    }
}
