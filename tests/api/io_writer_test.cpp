// The JSON writer and the atomic output file. Expected JSON is written out by
// hand from RFC 8259's escaping rules.
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <csignal>

#include "io_test_support.hpp"
#include "wirespeed/jsonl.hpp"

namespace wirespeed::test {
namespace {

std::string json(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

TEST(json_writer, NumbersAreDecimalWithoutPaddingUpToTheLargest64BitValue) {
  std::string out = "[";
  append_json_number(out, 0);
  out += ',';
  append_json_number(out, 30800);
  out += ',';
  append_json_number(out, 18446744073709551615u);
  EXPECT_EQ(out, "[0,30800,18446744073709551615");
}

TEST(json_writer, EscapesQuotesBackslashesAndTheShortFormControls) {
  EXPECT_EQ(json("plain"), R"("plain")");
  EXPECT_EQ(json(""), R"("")");
  EXPECT_EQ(json(R"(say "hi" \ bye)"), R"("say \"hi\" \\ bye")");
  EXPECT_EQ(json("\b\f\n\r\t"), R"("\b\f\n\r\t")");
  EXPECT_EQ(json("/ stays"), R"("/ stays")");
}

TEST(json_writer, EscapesEveryOtherControlCharacterAsU00XX) {
  const char *expected[32] = {
      R"(\u0000)", R"(\u0001)", R"(\u0002)", R"(\u0003)", R"(\u0004)", R"(\u0005)", R"(\u0006)",
      R"(\u0007)", R"(\b)",     R"(\t)",     R"(\n)",     R"(\u000b)", R"(\f)",     R"(\r)",
      R"(\u000e)", R"(\u000f)", R"(\u0010)", R"(\u0011)", R"(\u0012)", R"(\u0013)", R"(\u0014)",
      R"(\u0015)", R"(\u0016)", R"(\u0017)", R"(\u0018)", R"(\u0019)", R"(\u001a)", R"(\u001b)",
      R"(\u001c)", R"(\u001d)", R"(\u001e)", R"(\u001f)"};
  for (int c = 0; c < 32; ++c) {
    const std::string text{'a', static_cast<char>(c), 'z'};
    EXPECT_EQ(json(text), std::string("\"a") + expected[c] + "z\"") << "control " << c;
  }
  EXPECT_EQ(json("\x7f"), "\"\x7f\"") << "DEL needs no escape in JSON";
}

TEST(json_writer, FindsEscapesAtEveryPositionOfALongString) {
  // The writer scans eight bytes at a time: put each kind of byte to escape
  // at every offset of a 24-byte string, beside multi-byte UTF-8 (0x80+
  // bytes must never be mistaken for controls).
  const std::pair<char, std::string> cases[] = {{'"', R"(\")"},
                                                {'\\', R"(\\)"},
                                                {'\n', R"(\n)"},
                                                {'\x01', R"(\u0001)"},
                                                {'\x1f', R"(\u001f)"}};
  for (const auto &[byte, escaped] : cases) {
    for (std::size_t pos = 2; pos < 24; ++pos) {
      std::string text = "\xc3\xa9" + std::string(22, 'x'); // é, then ASCII
      text[pos] = byte;
      std::string expected = text;
      expected.replace(pos, 1, escaped);
      EXPECT_EQ(json(text), "\"" + expected + "\"") << "byte " << int(byte) << " at " << pos;
    }
  }
}

TEST(json_writer, ValidUtf8PassesThroughUnchanged) {
  const std::string text =
      "caf\xc3\xa9 \xe2\x80\x94 \xe6\x9d\xb1\xe4\xba\xac \xf0\x9f\x98\x80 "
      "\xe2\x80\x9cquoted\xe2\x80\x9d \xd8\xa7\xd9\x84\xd8\xb1\xd9\x8a\xd8\xa7\xd8\xb6";
  EXPECT_EQ(json(text), "\"" + text + "\"");
}

TEST(json_writer, InvalidUtf8BytesBecomeReplacementCharacters) {
  const std::string fffd = "\xef\xbf\xbd";
  EXPECT_EQ(json("a\xff"
                 "b"),
            "\"a" + fffd + "b\"");
  EXPECT_EQ(json("\xe2\x82"), "\"" + fffd + fffd + "\"") << "truncated sequence, byte by byte";
  EXPECT_EQ(json("\xc0\xaf\n"), "\"" + fffd + fffd + "\\n\"") << "overlong '/' is not '/'";
}

TEST(json_writer, FindsNonAsciiBytesAtEveryPositionOfALongString) {
  // ASCII strings skip validation, found eight bytes at a time: a byte above
  // 0x7F at any offset of a 24-byte string must still be validated, and
  // kept when valid, replaced when not.
  const std::string fffd = "\xef\xbf\xbd";
  for (std::size_t pos = 0; pos < 24; ++pos) {
    std::string valid(24, 'x');
    valid.replace(pos, 1, "\xc3\xa9"); // é
    EXPECT_EQ(json(valid), "\"" + valid + "\"") << "valid at " << pos;
    std::string invalid(24, 'x');
    invalid[pos] = '\xff';
    std::string expected = invalid;
    expected.replace(pos, 1, fffd);
    EXPECT_EQ(json(invalid), "\"" + expected + "\"") << "invalid at " << pos;
  }
}

TEST(json_writer, VerbatimOnlyForAsciiWithoutBytesToEscape) {
  for (const char *plain : {"", "plain", "New York / 3 million", "\x7f"}) {
    EXPECT_TRUE(is_verbatim_json(plain)) << plain;
    EXPECT_EQ(json(plain), "\"" + std::string(plain) + "\"") << plain;
  }
  // Each kind of byte that is not copied as it is, at every offset of
  // strings of every length up to three of the eight-byte words looked at
  // together (the last 1 to 7 bytes are looked at apart).
  for (const std::string odd : {"\"", "\\", "\n", "\x01", "\x1f", "\xc3\xa9", "\xff"}) {
    for (std::size_t length = 1; length <= 24; ++length) {
      EXPECT_TRUE(is_verbatim_json(std::string(length, 'x'))) << length;
      for (std::size_t pos = 0; pos < length; ++pos) {
        std::string text(length, 'x');
        text.replace(pos, 1, odd);
        EXPECT_FALSE(is_verbatim_json(text))
            << "byte " << int(odd[0]) << " at " << pos << " of " << length;
      }
    }
  }
}

TEST(json_writer, DocumentsAndRejectionsHaveAFixedShape) {
  document doc;
  doc.id = "7";
  doc.source = "Wire";
  doc.url = "https://e.x/a?b=1&c=\"2\"";
  doc.published = "2024-01-02";
  doc.title = "T\t1";
  doc.text = "Line 1\nLine 2";
  doc.origin_file = "not written";
  std::string out;
  append_document_json(out, doc);
  EXPECT_EQ(out, R"({"id":"7","source":"Wire","url":"https://e.x/a?b=1&c=\"2\"",)"
                 R"("published":"2024-01-02","title":"T\t1","text":"Line 1\nLine 2"})");

  out.clear();
  append_rejection_json(out, rejection{"dir/a \"b\".jsonl", 12, "invalid UTF-8 at byte offset 3"});
  EXPECT_EQ(out,
            R"({"file":"dir/a \"b\".jsonl","line":12,"reason":"invalid UTF-8 at byte offset 3"})");
}

using writer_test = scratch_dir;

TEST_F(writer_test, WrittenDocumentsReadBackIdentically) {
  document doc;
  doc.id = "id \"1\" \\";
  doc.source = "S\xc3\xbc"
               "ddeutsche";
  doc.url = "https://e.x/\xe2\x82\xac";
  doc.published = "2024-02-29T10:00:00Z";
  doc.title = "Title\r\nwith break";
  for (int c = 1; c < 128; ++c) {
    doc.text.push_back(static_cast<char>(c));
  }
  doc.text += "\xe6\x9d\xb1\xe4\xba\xac \xf0\x9f\x98\x80 \xe2\x80\xa8";
  std::string line;
  append_document_json(line, doc);
  line += "\n";
  auto result = read_all({write("round.jsonl", line + line)});
  ASSERT_TRUE(result.rejections.empty()) << result.rejections[0].reason;
  ASSERT_EQ(result.documents.size(), 2u);
  for (const document &back : result.documents) {
    expect_same_content(back, doc);
  }
}

TEST_F(writer_test, AFileAppearsOnlyOnCommitAndReplacesTheOldOneWhole) {
  const std::string target = write("out.jsonl", "old content\n");
  {
    output_file out(target);
    ASSERT_TRUE(out.error().empty()) << out.error();
    ASSERT_TRUE(out.write("{\"a\":1}\n"));
    ASSERT_TRUE(out.write(std::string(1 << 20, 'x') + "\n")); // past the write buffer
    EXPECT_EQ(read_file(target), "old content\n") << "readers never see a half-written file";
    ASSERT_TRUE(out.commit()) << out.error();
  }
  EXPECT_EQ(read_file(target), "{\"a\":1}\n" + std::string(1 << 20, 'x') + "\n");
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto &entry : fs::directory_iterator(root_)) {
    ++entries;
  }
  EXPECT_EQ(entries, 1u) << "no temporary file left behind";
}

TEST_F(writer_test, AnUncommittedFileLeavesNothingBehind) {
  const std::string target = path("never.jsonl");
  {
    output_file out(target);
    ASSERT_TRUE(out.write(std::string(1 << 20, 'y')));
  }
  EXPECT_FALSE(fs::exists(target));
  EXPECT_TRUE(fs::is_empty(root_)) << "the temporary file is removed";
}

TEST_F(writer_test, AnUncreatableFileReportsWhy) {
  output_file out(path("no/such/dir/out.jsonl"));
  EXPECT_NE(out.error().find("No such file or directory"), std::string::npos) << out.error();
  EXPECT_FALSE(out.write("x"));
  EXPECT_FALSE(out.commit());
  EXPECT_FALSE(out.broken_pipe());
}

TEST_F(writer_test, ADeviceIsWrittenInPlaceNotReplacedByAFile) {
  // -o /dev/null must not rename a temporary over the device (as root, it would).
  const std::string device = path("null");
  if (::mknod(device.c_str(), S_IFCHR | 0666, ::makedev(1, 3)) != 0) {
    GTEST_SKIP() << "cannot create a device node here (not root)";
  }
  {
    output_file out(device);
    EXPECT_TRUE(out.write("discarded\n"));
    EXPECT_TRUE(out.commit()) << out.error();
  }
  EXPECT_TRUE(fs::is_character_file(device));
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto &entry : fs::directory_iterator(root_)) {
    ++entries;
  }
  EXPECT_EQ(entries, 1u) << "no temporary file beside the device";
}

TEST_F(writer_test, AFifoIsWrittenInPlace) {
  const std::string fifo = path("fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = read_file(fifo); });
  {
    output_file out(fifo);
    EXPECT_TRUE(out.write("through the pipe\n"));
    EXPECT_TRUE(out.commit()) << out.error();
  }
  reader.join();
  EXPECT_EQ(received, "through the pipe\n");
  EXPECT_TRUE(fs::is_fifo(fifo));
}

/// Runs `body` with stdout pointing at `fd`, restoring it before returning
/// (so that test failures are printed where they belong).
template <class F> void with_stdout(int fd, F body) {
  std::fflush(stdout);
  int saved = ::dup(STDOUT_FILENO);
  ::dup2(fd, STDOUT_FILENO);
  body();
  ::dup2(saved, STDOUT_FILENO);
  ::close(saved);
}

TEST(output_file_stdout, AFullDeviceIsAWriteError) {
  int full = ::open("/dev/full", O_WRONLY);
  if (full < 0) {
    GTEST_SKIP() << "no /dev/full here";
  }
  bool committed = true;
  std::string error;
  with_stdout(full, [&] {
    output_file out("-");
    out.write("some bytes\n");
    committed = out.commit();
    error = out.error();
  });
  ::close(full);
  EXPECT_FALSE(committed);
  EXPECT_NE(error.find("No space left on device"), std::string::npos) << error;
}

TEST(output_file_stdout, AClosedPipeIsReportedAsABrokenPipe) {
  int ends[2];
  ASSERT_EQ(::pipe(ends), 0);
  ::close(ends[0]);
  auto previous = std::signal(SIGPIPE, SIG_IGN);
  bool committed = true;
  bool broken = false;
  with_stdout(ends[1], [&] {
    output_file out("-");
    out.write("line\n");
    committed = out.commit();
    broken = out.broken_pipe();
  });
  std::signal(SIGPIPE, previous);
  ::close(ends[1]);
  EXPECT_FALSE(committed);
  EXPECT_TRUE(broken);
}

} // namespace
} // namespace wirespeed::test
