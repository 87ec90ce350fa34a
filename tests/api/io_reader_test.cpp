// Readers: JSON Lines and text inputs, field mapping, and every kind of bad
// record. Inputs are written by hand, byte for byte, in each test.
#include "io_test_support.hpp"

namespace wirespeed::test {
namespace {

using reader_test = scratch_dir;

TEST_F(reader_test, JsonLinesRecordsCarryEveryFieldAndTheirOrigin) {
  auto file = write("a.jsonl",
                    R"({"id":"r1","source":"Wire","url":"https://e.x/1","published":"2024-05-01",)"
                    R"("title":"Flood","text":"Rain fell."})"
                    "\n\n"
                    R"({"text":"Second.","extra":{"nested":[1,2,{"x":"y"}]},"id":"r2"})"
                    "\n");
  auto result = read_all({file});
  ASSERT_TRUE(result.rejections.empty());
  ASSERT_EQ(result.documents.size(), 2u);
  const document &first = result.documents[0];
  EXPECT_EQ(first.id, "r1");
  EXPECT_EQ(first.source, "Wire");
  EXPECT_EQ(first.url, "https://e.x/1");
  EXPECT_EQ(first.published, "2024-05-01");
  EXPECT_EQ(first.title, "Flood");
  EXPECT_EQ(first.text, "Rain fell.");
  EXPECT_EQ(first.origin_file, file);
  EXPECT_EQ(first.origin_line, 1u);
  const document &second = result.documents[1];
  EXPECT_EQ(second.id, "r2");
  EXPECT_EQ(second.text, "Second.");
  EXPECT_EQ(second.title, "") << "fields from the previous record must not leak";
  EXPECT_EQ(second.origin_line, 3u) << "blank lines count in line numbers";
  EXPECT_EQ(result.bytes_read, read_file(file).size());
}

TEST_F(reader_test, JsonEscapesAreDecoded) {
  auto file = write("a.jsonl", R"({"text":"caf\u00e9 \"q\" back\\slash\ttab\nnew \ud83d\ude00"})"
                               "\n");
  auto result = read_all({file});
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_EQ(result.documents[0].text, "caf\xc3\xa9 \"q\" back\\slash\ttab\nnew \xf0\x9f\x98\x80");
}

TEST_F(reader_test, NumericIdsAreKeptAsWrittenAndNullMetadataIsEmpty) {
  auto file = write("a.jsonl", R"({"id": 1234 , "url": null, "title": 2.5e3, "text": "t"})"
                               "\n");
  auto result = read_all({file});
  ASSERT_EQ(result.documents.size(), 1u) << result.rejections[0].reason;
  EXPECT_EQ(result.documents[0].id, "1234");
  EXPECT_EQ(result.documents[0].url, "");
  EXPECT_EQ(result.documents[0].title, "2.5e3");
}

TEST_F(reader_test, CrLfEndingsAByteOrderMarkAndAMissingFinalNewlineAreAccepted) {
  auto file = write("a.jsonl", "\xef\xbb\xbf{\"text\":\"one\"}\r\n{\"text\":\"two\"}");
  auto result = read_all({file});
  ASSERT_TRUE(result.rejections.empty()) << result.rejections[0].reason;
  ASSERT_EQ(result.documents.size(), 2u);
  EXPECT_EQ(result.documents[0].text, "one");
  EXPECT_EQ(result.documents[1].text, "two");
  EXPECT_EQ(result.documents[1].origin_line, 2u);
}

TEST_F(reader_test, FieldNamesMapDocumentFieldsToOtherKeys) {
  jsonl_field_names names;
  std::string error;
  ASSERT_TRUE(parse_field_names("text=content,published=date", names, error)) << error;
  EXPECT_EQ(names.text, "content");
  EXPECT_EQ(names.published, "date");
  EXPECT_EQ(names.id, "id");

  auto file = write("a.jsonl", R"({"content":"body","date":"2020-02-02","text":"ignored","id":"7"})"
                               "\n"
                               R"({"text":"no content key"})"
                               "\n");
  reader_options options;
  options.fields = names;
  auto result = read_all({file}, options);
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_EQ(result.documents[0].text, "body");
  EXPECT_EQ(result.documents[0].published, "2020-02-02");
  EXPECT_EQ(result.documents[0].id, "7");
  ASSERT_EQ(result.rejections.size(), 1u);
  EXPECT_EQ(result.rejections[0].reason, "missing field \"content\"");
}

TEST(field_names, BadSpecsAreRefusedAndLeaveTheNamesUntouched) {
  for (const char *spec : {"body=content", "text", "text=", "text=a,oops"}) {
    jsonl_field_names names;
    std::string error;
    EXPECT_FALSE(parse_field_names(spec, names, error)) << spec;
    EXPECT_FALSE(error.empty()) << spec;
    EXPECT_EQ(names.text, "text") << spec;
  }
  jsonl_field_names names;
  std::string error;
  EXPECT_TRUE(parse_field_names("", names, error));
}

/// One bad line between two good ones: the bad one is rejected with a reason
/// containing `expected`, and both neighbours still come through.
void expect_rejected_between_good_lines(const std::string &path, const std::string &bad_line,
                                        const std::string &expected) {
  std::ofstream(path, std::ios::binary) << "{\"text\":\"before\"}\n"
                                        << bad_line << "\n{\"text\":\"after\"}\n";
  auto result = read_all({path});
  ASSERT_EQ(result.rejections.size(), 1u) << "line: " << bad_line;
  EXPECT_EQ(result.rejections[0].file, path);
  EXPECT_EQ(result.rejections[0].line, 2u);
  EXPECT_NE(result.rejections[0].reason.find(expected), std::string::npos)
      << "reason: " << result.rejections[0].reason;
  ASSERT_EQ(result.documents.size(), 2u) << "line: " << bad_line;
  EXPECT_EQ(result.documents[0].text, "before");
  EXPECT_EQ(result.documents[1].text, "after");
}

TEST_F(reader_test, MalformedJsonIsRejectedWithoutSwallowingTheNextRecord) {
  const std::string file = path("a.jsonl");
  expect_rejected_between_good_lines(file, R"({"text":"unterminated)", "malformed JSON");
  expect_rejected_between_good_lines(file, R"({"text":"x",})", "malformed JSON");
  expect_rejected_between_good_lines(file, "not json at all", "not a JSON object");
  expect_rejected_between_good_lines(file, R"(["text","x"])", "not a JSON object");
  expect_rejected_between_good_lines(file, R"({"text":"x"} {"text":"y"})",
                                     "trailing content after the JSON object at byte offset 13");
}

TEST_F(reader_test, MissingOrNonStringTextIsRejected) {
  const std::string file = path("a.jsonl");
  expect_rejected_between_good_lines(file, R"({"id":"1","title":"t"})", "missing field \"text\"");
  expect_rejected_between_good_lines(file, R"({"text":42})", "field \"text\" is a number");
  expect_rejected_between_good_lines(file, R"({"text":null})", "field \"text\" is null");
  expect_rejected_between_good_lines(file, R"({"text":["a"]})", "field \"text\" is an array");
  expect_rejected_between_good_lines(file, R"({"text":"x","title":{"a":1}})",
                                     "field \"title\" is an object");
}

TEST_F(reader_test, InvalidUtf8IsRejectedWithItsOffsetAndField) {
  const std::string file = path("a.jsonl");
  // {"id":"1","text":"ab\xff"}: the 0xff byte is at offset 20.
  expect_rejected_between_good_lines(file, "{\"id\":\"1\",\"text\":\"ab\xff\"}",
                                     "invalid UTF-8 at byte offset 20, in field \"text\"");
  // An overlong encoding of '/' (c0 af) and a lone surrogate (ed a0 80).
  expect_rejected_between_good_lines(file, "{\"text\":\"\xc0\xaf\"}",
                                     "invalid UTF-8 at byte offset 9");
  expect_rejected_between_good_lines(file, "{\"title\":\"\xed\xa0\x80\",\"text\":\"x\"}",
                                     "invalid UTF-8 at byte offset 10, in field \"title\"");
}

TEST_F(reader_test, NulBytesAreRejected) {
  const std::string file = path("a.jsonl");
  expect_rejected_between_good_lines(file, std::string("{\"text\":\"a\0b\"}", 14),
                                     "NUL byte at byte offset 10, in field \"text\"");
  expect_rejected_between_good_lines(file, R"({"text":"a\u0000b"})",
                                     "NUL character (\\u0000) at byte offset 1 of field \"text\"");
}

TEST_F(reader_test, OverLongLinesAreSkippedWithoutLosingTheNextRecord) {
  const std::string long_text(5000, 'x');
  auto file = write("a.jsonl", "{\"text\":\"short\"}\n{\"text\":\"" + long_text +
                                   "\"}\n{\"text\":\"after\"}\n");
  reader_options options;
  options.max_record_bytes = 1000;
  auto result = read_all({file}, options);
  ASSERT_EQ(result.documents.size(), 2u);
  EXPECT_EQ(result.documents[1].text, "after");
  EXPECT_EQ(result.documents[1].origin_line, 3u);
  ASSERT_EQ(result.rejections.size(), 1u);
  EXPECT_EQ(result.rejections[0].line, 2u);
  EXPECT_EQ(result.rejections[0].reason,
            "line longer than the limit of 1000 bytes (5011 bytes; skipped)");
}

TEST_F(reader_test, ARecordOfExactlyTheLimitIsAcceptedAndOneByteMoreIsNot) {
  // {"text":"<n x's>"} is n + 11 bytes long.
  const std::string at_limit = "{\"text\":\"" + std::string(89, 'x') + "\"}";
  const std::string over_limit = "{\"text\":\"" + std::string(90, 'x') + "\"}";
  ASSERT_EQ(at_limit.size(), 100u);
  reader_options options;
  options.max_record_bytes = 100;
  auto result =
      read_all({write("a.jsonl", at_limit + "\n" + over_limit + "\n" + at_limit)}, options);
  ASSERT_EQ(result.documents.size(), 2u);
  EXPECT_EQ(result.documents[1].origin_line, 3u);
  ASSERT_EQ(result.rejections.size(), 1u);
  EXPECT_EQ(result.rejections[0].line, 2u);

  result = read_all({write("a.txt", std::string(100, 'y')), write("b.txt", std::string(101, 'y'))},
                    options);
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_EQ(result.documents[0].id, "a.txt");
  ASSERT_EQ(result.rejections.size(), 1u);
  EXPECT_EQ(result.rejections[0].reason, "file longer than the limit of 100 bytes");
}

TEST_F(reader_test, EscapedKeysMatchAndTheLastOfDuplicateFieldsWins) {
  auto file = write("a.jsonl", R"({"te\u0078t":"escaped key","title":"first","title":"second"})"
                               "\n");
  auto result = read_all({file});
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_EQ(result.documents[0].text, "escaped key");
  EXPECT_EQ(result.documents[0].title, "second");
}

TEST_F(reader_test, LinesLongerThanTheFirstBufferAndManySmallOnesAreReadWhole) {
  // 3 MB (more than the reader's first 1 MiB buffer), then 20000 short lines
  // so that many lines straddle buffer refills.
  std::string big(3'000'000, 'y');
  std::string content = "{\"text\":\"" + big + "\"}\n";
  for (int i = 0; i < 20000; ++i) {
    content += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"t\"}\n";
  }
  auto file = write("a.jsonl", content);
  auto result = read_all({file});
  ASSERT_TRUE(result.rejections.empty());
  ASSERT_EQ(result.documents.size(), 20001u);
  EXPECT_EQ(result.documents[0].text, big);
  for (int i = 0; i < 20000; ++i) {
    ASSERT_EQ(result.documents[static_cast<std::size_t>(i) + 1].id, std::to_string(i));
  }
  EXPECT_EQ(result.bytes_read, content.size());
}

TEST(reader_memory, AStreamFarLargerThanMemoryBudgetsIsReadInBoundedMemory) {
  // 64 MB of records and then a single 160 MB line, through a pipe on stdin:
  // neither the stream nor the over-long line may be held in memory. (With
  // the default 256 MB limit the line is buffered and this fails: ~390 MB.)
  const std::string record = "{\"text\":\"" + std::string(990, 'm') + "\"}\n"; // 1 kB
  std::string block;
  for (int i = 0; i < 1024; ++i) {
    block += record;
  }
  int ends[2];
  ASSERT_EQ(::pipe(ends), 0);
  std::thread producer([&] {
    auto put = [&](const std::string &bytes) {
      for (std::size_t done = 0; done < bytes.size();) {
        ssize_t n = ::write(ends[1], bytes.data() + done, bytes.size() - done);
        if (n <= 0) {
          return;
        }
        done += static_cast<std::size_t>(n);
      }
    };
    for (int i = 0; i < 64; ++i) {
      put(block);
    }
    const std::string chunk(1 << 20, 'L');
    for (int i = 0; i < 160; ++i) {
      put(chunk);
    }
    put("\n" + record);
    ::close(ends[1]);
  });
  rusage before{};
  ::getrusage(RUSAGE_SELF, &before);
  const int saved = ::dup(STDIN_FILENO);
  ::dup2(ends[0], STDIN_FILENO);
  ::close(ends[0]);
  reader_options options;
  options.max_record_bytes = std::size_t{8} << 20;
  document_reader reader({"-"}, options);
  document doc;
  rejection bad;
  std::uint64_t documents = 0;
  std::vector<rejection> rejections;
  for (read_status status; (status = reader.next(doc, bad)) != read_status::end;) {
    if (status == read_status::document) {
      ++documents;
    } else {
      rejections.push_back(bad);
    }
  }
  producer.join();
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  rusage after{};
  ::getrusage(RUSAGE_SELF, &after);
  EXPECT_EQ(documents, 64u * 1024u + 1u);
  ASSERT_EQ(rejections.size(), 1u);
  EXPECT_EQ(rejections[0].line, 64u * 1024u + 1u);
  EXPECT_NE(rejections[0].reason.find("(167772160 bytes; skipped)"), std::string::npos)
      << rejections[0].reason;
  EXPECT_EQ(reader.bytes_read(), 64u * block.size() + (160u << 20) + 1 + record.size());
  const long grown_kb = after.ru_maxrss - before.ru_maxrss;
  EXPECT_LT(grown_kb, 48 * 1024) << "peak memory grew by " << grown_kb << " kB";
}

TEST_F(reader_test, EmptyBlankOnlyAndMissingInputsAreRejectedAsWholeFiles) {
  auto empty = write("empty.jsonl", "");
  auto blank = write("blank.jsonl", "\n  \n\t\n");
  auto missing = path("missing.jsonl");
  auto result = read_all({empty, blank, missing});
  EXPECT_TRUE(result.documents.empty());
  ASSERT_EQ(result.rejections.size(), 3u);
  EXPECT_EQ(result.rejections[0].file, empty);
  EXPECT_EQ(result.rejections[0].line, 0u);
  EXPECT_EQ(result.rejections[0].reason, "empty file");
  EXPECT_EQ(result.rejections[1].reason, "no records (only blank lines)");
  EXPECT_EQ(result.rejections[2].file, missing);
  EXPECT_EQ(result.rejections[2].reason, "cannot open: No such file or directory");
}

TEST_F(reader_test, StdinIsJsonLinesByDefault) {
  auto file = write("in.data", "{\"text\":\"from stdin\"}\n");
  stdin_from redirect(file);
  auto result = read_all({"-"});
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_EQ(result.documents[0].text, "from stdin");
  EXPECT_EQ(result.documents[0].origin_file, "-");
}

TEST_F(reader_test, ATextFileIsOneDocumentTitledByItsFirstNonEmptyLine) {
  const std::string body = "\n  \n  Storm hits coast  \r\nBy A. Writer\n\nWinds rose.\n";
  auto file = write("news/storm.txt", body);
  auto result = read_all({file});
  ASSERT_EQ(result.documents.size(), 1u);
  const document &doc = result.documents[0];
  EXPECT_EQ(doc.id, "storm.txt");
  EXPECT_EQ(doc.title, "Storm hits coast");
  EXPECT_EQ(doc.text, body);
  EXPECT_EQ(doc.origin_file, file);
  EXPECT_EQ(doc.origin_line, 1u);
}

TEST_F(reader_test, TextFilesOfSeveralMegabytesAreReadWholeUpToTheirLimit) {
  // Larger than one read chunk (1 MiB): read in one piece sized from the file.
  std::string body = "Long story\n";
  while (body.size() < (3u << 20) + 17) {
    body += "Paragraph " + std::to_string(body.size()) + " of a very long wire story.\n";
  }
  auto file = write("long.txt", body);
  reader_options options;
  options.max_record_bytes = body.size();
  auto result = read_all({file}, options);
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_EQ(result.documents[0].text, body);
  EXPECT_EQ(result.bytes_read, body.size());

  options.max_record_bytes = body.size() - 1;
  result = read_all({file}, options);
  EXPECT_TRUE(result.documents.empty());
  ASSERT_EQ(result.rejections.size(), 1u);
  EXPECT_EQ(result.rejections[0].reason,
            "file longer than the limit of " + std::to_string(body.size() - 1) + " bytes");
}

TEST_F(reader_test, DirectoriesAreSearchedRecursivelyInNameOrder) {
  write("tree/b.txt", "Bee\nbody b\n");
  write("tree/a.txt", "Ay\nbody a\n");
  write("tree/sub/c.txt", "Sea\nbody c\n");
  write("tree/sub/d.jsonl", "{\"id\":\"d1\",\"text\":\"json in a tree\"}\n");
  write("tree/notes.md", "not an article\n");
  write("tree/.hidden/e.txt", "hidden\n");
  write("tree/.f.txt", "hidden too\n");
  auto result = read_all({path("tree")});
  ASSERT_TRUE(result.rejections.empty());
  ASSERT_EQ(result.documents.size(), 4u);
  EXPECT_EQ(result.documents[0].id, "a.txt");
  EXPECT_EQ(result.documents[0].title, "Ay");
  EXPECT_EQ(result.documents[1].id, "b.txt");
  EXPECT_EQ(result.documents[2].id, "sub/c.txt");
  EXPECT_EQ(result.documents[2].text, "Sea\nbody c\n");
  EXPECT_EQ(result.documents[3].id, "d1");
  EXPECT_EQ(result.documents[3].origin_file, path("tree/sub/d.jsonl"));
}

TEST_F(reader_test, ForcedTextFormatReadsStdinAndOtherExtensionsAsOneArticle) {
  auto file = write("article.data", "Headline\nBody.\n");
  reader_options options;
  options.format = input_format::text;
  {
    stdin_from redirect(file);
    auto result = read_all({"-"}, options);
    ASSERT_EQ(result.documents.size(), 1u);
    EXPECT_EQ(result.documents[0].id, "-");
    EXPECT_EQ(result.documents[0].title, "Headline");
  }
  auto result = read_all({file}, options);
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_EQ(result.documents[0].text, "Headline\nBody.\n");
}

TEST_F(reader_test, BadTextFilesAreRejectedWithTheirReason) {
  write("t/1-empty.txt", "");
  write("t/2-blank.txt", " \n\t\n");
  write("t/3-nul.txt", std::string("Title\nab\0c", 10));
  write("t/4-utf8.txt", "Title\ncaf\xc3");
  write("t/5-long.txt", std::string(2000, 'z'));
  write("t/6-good.txt", "Fine\n");
  reader_options options;
  options.max_record_bytes = 1000;
  auto result = read_all({path("t")}, options);
  ASSERT_EQ(result.documents.size(), 1u);
  EXPECT_EQ(result.documents[0].id, "6-good.txt");
  ASSERT_EQ(result.rejections.size(), 5u);
  EXPECT_EQ(result.rejections[0].reason, "empty file");
  EXPECT_EQ(result.rejections[1].reason, "empty file (only white space)");
  EXPECT_EQ(result.rejections[2].reason, "NUL byte at byte offset 8");
  EXPECT_EQ(result.rejections[3].reason, "invalid UTF-8 at byte offset 9");
  EXPECT_EQ(result.rejections[4].reason, "file longer than the limit of 1000 bytes");
  EXPECT_EQ(result.rejections[4].file, path("t/5-long.txt"));
  EXPECT_EQ(result.rejections[4].line, 0u);
}

TEST_F(reader_test, ADirectoryWithoutArticlesIsRejected) {
  write("d/readme.md", "x");
  auto result = read_all({path("d")});
  ASSERT_EQ(result.rejections.size(), 1u);
  EXPECT_EQ(result.rejections[0].file, path("d"));
  EXPECT_NE(result.rejections[0].reason.find("no .txt or .jsonl files"), std::string::npos);
}

TEST_F(reader_test, GlobsSelectDirectoryFilesByTheirRelativePath) {
  write("g/top.jsonl", "{\"id\":\"top\",\"text\":\"t\"}\n");
  write("g/2024/may.jsonl", "{\"id\":\"may\",\"text\":\"t\"}\n");
  write("g/2024/note.txt", "Note\n");
  write("g/2023/old.jsonl", "{\"id\":\"old\",\"text\":\"t\"}\n");
  const std::string single = write("single.txt", "Single\n");
  reader_options options;
  options.globs = {"*.jsonl"};
  auto result = read_all({path("g")}, options);
  ASSERT_TRUE(result.rejections.empty());
  ASSERT_EQ(result.documents.size(), 3u) << "'*' crosses directories";
  EXPECT_EQ(result.documents[0].id, "old");
  EXPECT_EQ(result.documents[1].id, "may");
  EXPECT_EQ(result.documents[2].id, "top");

  options.globs = {"2024/*.txt", "top.*"};
  result = read_all({path("g"), single}, options);
  ASSERT_TRUE(result.rejections.empty());
  ASSERT_EQ(result.documents.size(), 3u) << "any pattern selects; named files always count";
  EXPECT_EQ(result.documents[0].id, "2024/note.txt");
  EXPECT_EQ(result.documents[1].id, "top");
  EXPECT_EQ(result.documents[2].id, "single.txt");

  options.globs = {"*.zst"};
  result = read_all({path("g")}, options);
  EXPECT_TRUE(result.documents.empty());
  ASSERT_EQ(result.rejections.size(), 1u);
  EXPECT_EQ(result.rejections[0].file, path("g"));
  EXPECT_NE(result.rejections[0].reason.find("matching --glob"), std::string::npos);
}

TEST_F(reader_test, InputFilesListTheTreeInReadingOrderWithSizesAndIds) {
  write("l/b.jsonl", "{\"text\":\"x\"}\n");
  write("l/a/c.txt", "Cee\n");
  write("l/skip.md", "x");
  write("empty/readme.md", "x");
  const std::string named = write("named.txt", "Named\n");
  const std::vector<input_file> files =
      list_input_files({path("l"), "-", named, path("empty")}, reader_options{});
  ASSERT_EQ(files.size(), 5u);
  EXPECT_EQ(files[0].path, path("l/a/c.txt"));
  EXPECT_EQ(files[0].id, "a/c.txt");
  EXPECT_EQ(files[0].size, 4u);
  EXPECT_EQ(files[1].id, "b.jsonl");
  EXPECT_EQ(files[2].path, "-");
  EXPECT_EQ(files[2].size, 0u);
  EXPECT_EQ(files[3].id, "named.txt");
  EXPECT_EQ(files[3].size, 6u);
  EXPECT_TRUE(files[3].error.empty());
  EXPECT_EQ(files[4].path, path("empty"));
  EXPECT_NE(files[4].error.find("no .txt or .jsonl files"), std::string::npos);
}

TEST_F(reader_test, AReaderOverListedFilesReadsJustThose) {
  write("l/a.txt", "Ay\n");
  write("l/b.txt", "Bee\n");
  write("l/c.txt", "Sea\n");
  std::vector<input_file> files = list_input_files({path("l")}, reader_options{});
  ASSERT_EQ(files.size(), 3u);
  files.erase(files.begin());
  files.push_back({path("l"), {}, 0, "made-up directory error"});
  document_reader reader = document_reader::over_files(files);
  document doc;
  rejection bad;
  ASSERT_EQ(reader.next(doc, bad), read_status::document);
  EXPECT_EQ(doc.id, "b.txt");
  ASSERT_EQ(reader.next(doc, bad), read_status::document);
  EXPECT_EQ(doc.id, "c.txt");
  ASSERT_EQ(reader.next(doc, bad), read_status::rejected);
  EXPECT_EQ(bad.file, path("l"));
  EXPECT_EQ(bad.line, 0u);
  EXPECT_EQ(bad.reason, "made-up directory error");
  EXPECT_EQ(reader.next(doc, bad), read_status::end);
}

} // namespace
} // namespace wirespeed::test
