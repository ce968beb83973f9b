namespace EvalKit.Llama.Gguf;

/// <summary>
/// One metadata value. Scalars hold the matching CLR type (<see cref="uint"/> for UInt32, <see cref="string"/>
/// for String, ...); arrays hold a CLR array of the element type (<c>string[]</c>, <c>float[]</c>, <c>int[]</c>, ...).
/// </summary>
public sealed class GgufValue
{
    private GgufValue(GgufValueType type, GgufValueType? elementType, object value)
    {
        Type = type;
        ElementType = elementType;
        Value = value;
    }

    public GgufValueType Type { get; }

    /// <summary>The element type when <see cref="Type"/> is <see cref="GgufValueType.Array"/>, otherwise null.</summary>
    public GgufValueType? ElementType { get; }

    public object Value { get; }

    public bool IsArray => Type == GgufValueType.Array;

    /// <summary>Number of elements of an array value; 1 for a scalar.</summary>
    public int Length => Value is Array array ? array.Length : 1;

    /// <summary>A scalar of <paramref name="type"/>; <paramref name="value"/> must be of the matching CLR type.</summary>
    public static GgufValue Scalar(GgufValueType type, object value)
    {
        if (type == GgufValueType.Array)
            throw new ArgumentException("Use GgufValue.Array for arrays.", nameof(type));
        CheckClrType(type, value);
        return new GgufValue(type, null, value);
    }

    /// <summary>An array of <paramref name="elementType"/>; <paramref name="values"/> must be a CLR array of the matching type.</summary>
    public static GgufValue Array(GgufValueType elementType, Array values)
    {
        if (elementType == GgufValueType.Array)
            throw new ArgumentException("GGUF arrays of arrays are not supported (llama.cpp rejects them).", nameof(elementType));
        if (values.GetType().GetElementType() != ClrType(elementType))
            throw new ArgumentException($"A GGUF {elementType} array needs a {ClrType(elementType).Name}[].", nameof(values));
        return new GgufValue(GgufValueType.Array, elementType, values);
    }

    /// <summary>Shorthands for the common types: String, UInt32, Int32, Float32, Bool, UInt64 and their arrays.</summary>
    public static GgufValue Of(string value) => Scalar(GgufValueType.String, value);
    public static GgufValue Of(uint value) => Scalar(GgufValueType.UInt32, value);
    public static GgufValue Of(int value) => Scalar(GgufValueType.Int32, value);
    public static GgufValue Of(float value) => Scalar(GgufValueType.Float32, value);
    public static GgufValue Of(bool value) => Scalar(GgufValueType.Bool, value);
    public static GgufValue Of(ulong value) => Scalar(GgufValueType.UInt64, value);
    public static GgufValue Of(string[] values) => Array(GgufValueType.String, values);
    public static GgufValue Of(float[] values) => Array(GgufValueType.Float32, values);
    public static GgufValue Of(int[] values) => Array(GgufValueType.Int32, values);

    /// <summary>The value as a string, or null when it is not a String scalar.</summary>
    public string? AsString() => Value as string;

    /// <summary>An integer scalar of any width as <see cref="long"/>, or null (also for UInt64 values above long.MaxValue).</summary>
    public long? AsInt64() => Value switch
    {
        byte v => v,
        sbyte v => v,
        ushort v => v,
        short v => v,
        uint v => v,
        int v => v,
        ulong v => v <= long.MaxValue ? (long)v : null,
        long v => v,
        _ => null,
    };

    /// <summary>The elements of an array value of type <typeparamref name="T"/>, or null.</summary>
    public T[]? AsArray<T>() => Value as T[];

    public override string ToString() => Value is Array array ? $"{ElementType}[{array.Length}]" : Value.ToString() ?? "";

    internal static Type ClrType(GgufValueType type) => type switch
    {
        GgufValueType.UInt8 => typeof(byte),
        GgufValueType.Int8 => typeof(sbyte),
        GgufValueType.UInt16 => typeof(ushort),
        GgufValueType.Int16 => typeof(short),
        GgufValueType.UInt32 => typeof(uint),
        GgufValueType.Int32 => typeof(int),
        GgufValueType.Float32 => typeof(float),
        GgufValueType.Bool => typeof(bool),
        GgufValueType.String => typeof(string),
        GgufValueType.UInt64 => typeof(ulong),
        GgufValueType.Int64 => typeof(long),
        GgufValueType.Float64 => typeof(double),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a scalar GGUF type."),
    };

    private static void CheckClrType(GgufValueType type, object value)
    {
        if (value.GetType() != ClrType(type))
            throw new ArgumentException($"A GGUF {type} value needs a {ClrType(type).Name}, not a {value.GetType().Name}.", nameof(value));
    }
}
