// gzip and zstd inputs: single and concatenated members/frames, detection by
// magic bytes (not by name), stdin, truncation and corruption. Fixtures are
// compressed at test time with zlib's and libzstd's one-shot APIs.
#include "io_test_support.hpp"

namespace wirespeed::test {
namespace {

using compressed_test = scratch_dir;

/// `count` records {"id":"<prefix><i>","text":"record <i> ..."}, one per line.
std::string records(const std::string &prefix, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += "{\"id\":\"" + prefix + std::to_string(i) + "\",\"text\":\"record " + std::to_string(i) +
           " of a fairly ordinary news corpus\"}\n";
  }
  return out;
}

void expect_ids(const read_result &result, const std::string &prefix, int count,
                std::size_t first = 0) {
  ASSERT_GE(result.documents.size(), first + static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    ASSERT_EQ(result.documents[first + static_cast<std::size_t>(i)].id, prefix + std::to_string(i));
  }
}

TEST_F(compressed_test, GzipAndZstdReadLikeThePlainFile) {
  const std::string plain = records("r", 500);
  for (const auto &[name, bytes] :
       {std::pair{"a.jsonl.gz", gzip(plain)}, std::pair{"a.jsonl.zst", zstd(plain)}}) {
    auto result = read_all({write(name, bytes)});
    EXPECT_TRUE(result.rejections.empty()) << name;
    EXPECT_EQ(result.documents.size(), 500u) << name;
    expect_ids(result, "r", 500);
    EXPECT_EQ(result.bytes_read, plain.size()) << "uncompressed bytes, " << name;
  }
}

TEST_F(compressed_test, ConcatenatedGzipMembersAreAllRead) {
  // What `cat a.gz b.gz` and pigz produce; stopping after the first member
  // would silently lose the records of the others.
  auto file = write("multi.jsonl.gz",
                    gzip(records("a", 300)) + gzip(records("b", 200)) + gzip(records("c", 1)));
  auto result = read_all({file});
  EXPECT_TRUE(result.rejections.empty());
  ASSERT_EQ(result.documents.size(), 501u);
  expect_ids(result, "a", 300);
  expect_ids(result, "b", 200, 300);
  expect_ids(result, "c", 1, 500);
}

TEST_F(compressed_test, ConcatenatedZstdFramesAreAllRead) {
  auto file = write("multi.jsonl.zst", zstd(records("a", 300)) + zstd(records("b", 200)));
  auto result = read_all({file});
  EXPECT_TRUE(result.rejections.empty());
  ASSERT_EQ(result.documents.size(), 500u);
  expect_ids(result, "b", 200, 300);
}

TEST_F(compressed_test, CompressionIsDetectedByMagicBytesNotByName) {
  auto gz = write("looks-plain.jsonl", gzip(records("g", 3)));
  auto zst = write("also-plain.jsonl", zstd(records("z", 2)));
  auto result = read_all({gz, zst});
  EXPECT_TRUE(result.rejections.empty());
  ASSERT_EQ(result.documents.size(), 5u);
  EXPECT_EQ(result.documents[3].id, "z0");
}

TEST_F(compressed_test, CompressedStdinIsDetected) {
  for (const auto &bytes : {gzip(records("s", 10)), zstd(records("s", 10))}) {
    auto file = write("stdin.bin", bytes);
    stdin_from redirect(file);
    auto result = read_all({"-"});
    EXPECT_TRUE(result.rejections.empty());
    expect_ids(result, "s", 10);
  }
}

TEST_F(compressed_test, CompressedTextFilesAreOneArticle) {
  auto file = write("story.txt.gz", gzip("Headline\n\nBody text.\n"));
  auto result = read_all({file});
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_EQ(result.documents[0].id, "story.txt.gz");
  EXPECT_EQ(result.documents[0].title, "Headline");
  EXPECT_EQ(result.documents[0].text, "Headline\n\nBody text.\n");
}

/// A truncated stream keeps the records before the cut and ends with one
/// rejection naming the truncation at the line where the data stopped.
void expect_truncation(const read_result &result, const std::string &file,
                       const std::string &expected, std::size_t records_written = 20000) {
  ASSERT_EQ(result.rejections.size(), 1u);
  EXPECT_EQ(result.rejections[0].file, file);
  EXPECT_EQ(result.rejections[0].line, result.documents.size() + 1);
  EXPECT_NE(result.rejections[0].reason.find(expected), std::string::npos)
      << result.rejections[0].reason;
  EXPECT_GT(result.documents.size(), 100u) << "records before the cut are kept";
  EXPECT_LT(result.documents.size(), records_written);
  expect_ids(result, "t", static_cast<int>(result.documents.size()));
}

TEST_F(compressed_test, TruncatedGzipIsReported) {
  std::string whole = gzip(records("t", 20000));
  auto file = write("cut.jsonl.gz", whole.substr(0, whole.size() / 2));
  expect_truncation(read_all({file}), file, "truncated gzip data");
}

TEST_F(compressed_test, TruncatedZstdIsReported) {
  // Many records: zstd emits nothing of a block (<= 128 KiB) until it is whole.
  std::string whole = zstd(records("t", 20000));
  auto file = write("cut.jsonl.zst", whole.substr(0, whole.size() / 2));
  expect_truncation(read_all({file}), file, "truncated zstd data");
}

TEST_F(compressed_test, GzipCutInsideItsTrailerIsTruncated) {
  // All data decompresses; only the CRC/size trailer is missing.
  std::string whole = gzip(records("t", 5));
  auto file = write("cut.jsonl.gz", whole.substr(0, whole.size() - 4));
  auto result = read_all({file});
  EXPECT_EQ(result.documents.size(), 5u);
  ASSERT_EQ(result.rejections.size(), 1u);
  EXPECT_EQ(result.rejections[0].line, 6u);
  EXPECT_NE(result.rejections[0].reason.find("truncated gzip data"), std::string::npos);
}

TEST_F(compressed_test, CorruptDataIsReported) {
  // A damaged CRC-32 in the gzip trailer (its last 8 bytes: CRC, size).
  std::string gz = gzip(records("c", 50));
  gz[gz.size() - 8] = static_cast<char>(gz[gz.size() - 8] ^ 0xff);
  // zstd frames carry no checksum by default, so a flipped byte may decode
  // to other bytes; bytes that are no frame at all after a valid one must fail.
  std::string zst = zstd(records("c", 50)) + "this is not a zstd frame";
  auto result = read_all({write("bad.jsonl.gz", gz)});
  EXPECT_EQ(result.documents.size(), 50u);
  ASSERT_EQ(result.rejections.size(), 1u);
  EXPECT_NE(result.rejections.back().reason.find("corrupt gzip data"), std::string::npos)
      << result.rejections.back().reason;
  result = read_all({write("bad.jsonl.zst", zst)});
  EXPECT_EQ(result.documents.size(), 50u);
  ASSERT_EQ(result.rejections.size(), 1u);
  EXPECT_NE(result.rejections.back().reason.find("corrupt zstd data"), std::string::npos)
      << result.rejections.back().reason;
}

TEST_F(compressed_test, StreamsLongerThanTheDecompressorsBlocksArriveWholeAndInOrder) {
  // ~7 MB: more than the decompressor thread's blocks in flight, so it has
  // to wait for the parser, and the parser for it, many times over.
  const std::string plain = records("t", 100000);
  ASSERT_GT(plain.size(), std::size_t{6} << 20);
  for (const auto &[name, bytes] :
       {std::pair{"big.jsonl.gz", gzip(plain)}, std::pair{"big.jsonl.zst", zstd(plain)}}) {
    const std::string file = write(name, bytes);
    auto result = read_all({file});
    EXPECT_TRUE(result.rejections.empty()) << name;
    expect_ids(result, "t", 100000);
    EXPECT_EQ(result.bytes_read, plain.size()) << name;
    expect_truncation(
        read_all({write(std::string("cut-") + name, bytes.substr(0, bytes.size() * 3 / 4))}),
        path(std::string("cut-") + name), "truncated", 100000);
  }
}

TEST_F(compressed_test, DecompressionTimeIsCountedForCompressedInputsOnly) {
  const std::string plain = records("s", 20000);
  document doc;
  rejection bad;
  document_reader plain_reader({write("p.jsonl", plain)});
  while (plain_reader.next(doc, bad) != read_status::end) {
  }
  EXPECT_EQ(plain_reader.decompress_seconds(), 0.0);
  document_reader zst_reader({write("z.jsonl.zst", zstd(plain))});
  while (zst_reader.next(doc, bad) != read_status::end) {
  }
  EXPECT_GT(zst_reader.decompress_seconds(), 0.0);
}

TEST_F(compressed_test, AReaderLeftMidStreamStopsItsDecompressor) {
  // Destroying the reader after a few records must end the decompressor
  // thread (blocked on a full queue) rather than hang or leak it.
  const std::string file = write("stop.jsonl.gz", gzip(records("x", 100000)));
  for (int round = 0; round < 3; ++round) {
    document_reader reader({file});
    document doc;
    rejection bad;
    ASSERT_EQ(reader.next(doc, bad), read_status::document);
    EXPECT_EQ(doc.id, "x0");
  }
}

TEST_F(compressed_test, ACompressedEmptyFileIsEmpty) {
  auto result = read_all({write("e.jsonl.gz", gzip("")), write("e.jsonl.zst", zstd(""))});
  ASSERT_EQ(result.rejections.size(), 2u);
  EXPECT_EQ(result.rejections[0].reason, "empty file");
  EXPECT_EQ(result.rejections[1].reason, "empty file");
}

} // namespace
} // namespace wirespeed::test
