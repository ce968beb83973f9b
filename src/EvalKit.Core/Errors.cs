namespace EvalKit.Core;

/// <summary>The wording of user-facing errors, each with what to do about it.</summary>
public static class Errors
{
    public static EvalKitException CannotWrite(string path, Exception inner) => new(
        $"Cannot write {path}: {inner.Message}",
        IsDiskFull(inner) ? (ErrorText)$"The disk is full. Free space (or pass {Setting.OutputFolder} to another folder); samples written so far are kept."
        : IsReadOnly(inner) ? (ErrorText)$"The folder is on a read-only file system. Pass {Setting.OutputFolder} to a writable folder."
        : (ErrorText)$"Check that the folder exists and is writable, or pass {Setting.OutputFolder} to another folder.",
        ErrorKind.RuntimeFailure,
        inner);

    /// <param name="diskFull">The cache store knows that the disk is full (an error of its own, such as SQLite's SQLITE_FULL).</param>
    public static EvalKitException CacheFailed(string path, Exception inner, bool diskFull = false) => new(
        $"Cannot use the response cache {path}: {inner.Message}",
        diskFull || IsDiskFull(inner)
            ? (ErrorText)$"The disk is full. Free space, set EVALKIT_CACHE_DIR to a folder on another disk, or pass {Setting.NoCache}."
            : (ErrorText)$"Set EVALKIT_CACHE_DIR to a writable folder, delete the file if it is damaged (it only saves time), or pass {Setting.NoCache}.",
        ErrorKind.RuntimeFailure,
        inner);

    public static EvalKitException PathNotFound(string what, string path, string hint) =>
        new($"{what} not found: {path}", hint);

    public static EvalKitException BadOption(string option, string value, ErrorText expected) =>
        new($"Invalid value '{value}' for {option}.", expected);

    public static EvalKitException BadOption(Setting setting, string value, ErrorText expected) =>
        new($"Invalid value '{value}' for {setting}.", expected);

    // On Unix an IOException's HResult is the errno; on Windows it wraps the Win32 error code.
    private static bool IsDiskFull(Exception ex) => ex switch
    {
        IOException io when OperatingSystem.IsWindows() => (io.HResult & 0xFFFF) is 39 or 112, // HANDLE_DISK_FULL, ERROR_DISK_FULL
        IOException io => io.HResult is 27 or 28 or 122, // EFBIG (file size limit), ENOSPC, EDQUOT
        _ => false,
    };

    private static bool IsReadOnly(Exception ex) =>
        ex is IOException io && !OperatingSystem.IsWindows() && io.HResult == 30; // EROFS
}
