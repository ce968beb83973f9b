namespace EvalKit.Core;

/// <summary>The wording of user-facing errors, each with what to do about it.</summary>
public static class Errors
{
    public static EvalKitException CannotWrite(string path, Exception inner) => new(
        $"Cannot write {path}: {inner.Message}",
        IsDiskFull(inner)
            ? "The disk is full. Free space (or pass --out to another folder); samples written so far are kept."
            : "Check that the folder exists and is writable, or pass --out to another folder.",
        ExitCodes.RuntimeFailure,
        inner);

    public static EvalKitException PathNotFound(string what, string path, string hint) =>
        new($"{what} not found: {path}", hint);

    public static EvalKitException BadOption(string option, string value, string expected) =>
        new($"Invalid value '{value}' for {option}.", expected);

    private static bool IsDiskFull(Exception ex) =>
        ex is IOException io && (io.HResult & 0xFFFF) is 28 or 39 or 112; // ENOSPC on Unix, ERROR_DISK_FULL / HANDLE_DISK_FULL on Windows
}
