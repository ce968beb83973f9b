using EvalKit.Core.Caching.Internal;
using EvalKit.TestSupport;

namespace EvalKit.Core.Tests.Caching;

public class HashMemoTests
{
    [Fact]
    public void Remembered_hash_is_found_for_the_same_file_and_not_once_it_is_rewritten_in_place_with_its_time_restored()
    {
        // Given a remembered hash of a file
        using var temp = new TempDir();
        var file = temp.Write("model.gguf", "weights-A");
        var memo = temp.File("cache/model-hashes.json");
        HashMemo.Store(memo, FileStamp.Of(file), "aaaa");
        Assert.Equal("aaaa", HashMemo.Find(memo, FileStamp.Of(file)));

        // When its content is rewritten in place, same size, and its modification time put back
        var modified = File.GetLastWriteTimeUtc(file);
        Thread.Sleep(20);
        File.WriteAllText(file, "weights-B");
        File.SetLastWriteTimeUtc(file, modified);

        // Then the memo no longer answers for it (the change time moved, which no process can set back)
        Assert.Equal("weights-A".Length, new FileInfo(file).Length);
        Assert.Null(HashMemo.Find(memo, FileStamp.Of(file)));
    }

    [Fact]
    public void A_damaged_memo_file_is_ignored_and_rewritten()
    {
        // Given a memo file that is not JSON
        using var temp = new TempDir();
        var file = temp.Write("model.gguf", "weights");
        var memo = temp.Write("cache/model-hashes.json", "{not json");

        // When it is read and then written
        Assert.Null(HashMemo.Find(memo, FileStamp.Of(file)));
        HashMemo.Store(memo, FileStamp.Of(file), "bbbb");

        // Then the new entry is kept
        Assert.Equal("bbbb", HashMemo.Find(memo, FileStamp.Of(file)));
    }
}
