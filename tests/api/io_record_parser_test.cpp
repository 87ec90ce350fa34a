// document_reader::next_unparsed + record_parser: reading with the JSON left
// to another thread gives exactly the documents and rejections of next().
#include "io_test_support.hpp"

namespace wirespeed::test {
namespace {

using unparsed_reader_test = scratch_dir;

/// Reads `inputs` with next_unparsed(), parsing each unparsed record with a
/// record_parser, as a pipeline's workers do.
read_result read_all_unparsed(std::vector<std::string> inputs, const reader_options &options,
                              std::size_t &unparsed_count) {
  document_reader reader(std::move(inputs), options);
  record_parser parser(options.fields);
  std::string line;
  unparsed_count = 0;
  return read_all_from(reader, [&](document &doc, rejection &bad) {
    const read_status status = reader.next_unparsed(doc, bad, line);
    if (status != read_status::unparsed) {
      return status;
    }
    ++unparsed_count;
    return parser.parse(line, doc, bad);
  });
}

void expect_same(const read_result &got, const read_result &want) {
  ASSERT_EQ(got.documents.size(), want.documents.size());
  for (std::size_t i = 0; i < want.documents.size(); ++i) {
    expect_same_content(got.documents[i], want.documents[i]);
    EXPECT_EQ(got.documents[i].origin_file, want.documents[i].origin_file);
    EXPECT_EQ(got.documents[i].origin_line, want.documents[i].origin_line);
  }
  ASSERT_EQ(got.rejections.size(), want.rejections.size());
  for (std::size_t i = 0; i < want.rejections.size(); ++i) {
    EXPECT_EQ(got.rejections[i].file, want.rejections[i].file);
    EXPECT_EQ(got.rejections[i].line, want.rejections[i].line);
    EXPECT_EQ(got.rejections[i].reason, want.rejections[i].reason);
  }
  EXPECT_EQ(got.bytes_read, want.bytes_read);
}

TEST_F(unparsed_reader_test, DeferredParsingGivesTheDocumentsAndRejectionsOfNext) {
  const std::string records =
      "\xef\xbb\xbf{\"id\":\"1\",\"title\":\"Storm\",\"text\":\"Winds \\u201crose\\u201d.\"}\n"
      "\n"
      "{\"id\":\"2\",\"text\":\n"                            // truncated JSON
      "{\"id\":3,\"url\":null,\"text\":\"Numeric id.\"}\r\n" // number and null kept
      "{\"id\":\"4\",\"text\":\"bad \xff byte\"}\n"          // invalid UTF-8
      "{\"id\":\"5\",\"text\":\"nul \\u0000 here\"}\n"       // NUL
      "{\"id\":\"6\",\"body\":\"no text field\"}\n"          // missing text
      "[1,2]\n"                                              // not an object
      "{\"id\":\"7\",\"text\":\"" +
      std::string(300, 'x') +
      "\"}\n" // over the limit
      "{\"id\":\"8\",\"text\":\"Last, unterminated.\"}";
  const std::string plain = write("a.jsonl", records);
  const std::string packed = write("b.jsonl.zst", zstd(records).substr(0, 60)); // cut short
  write("c.txt", "Headline\n\nBody of a text file.\n");
  reader_options options;
  options.max_record_bytes = 200;
  std::size_t unparsed = 0;
  const std::vector<std::string> inputs{plain, packed, path("c.txt")};
  const read_result got = read_all_unparsed(inputs, options, unparsed);
  const read_result want = read_all(inputs, options);
  expect_same(got, want);
  EXPECT_EQ(want.documents.size(), 4u) << "1, 3, 8 and the text file";
  EXPECT_GE(want.rejections.size(), 7u);
  EXPECT_EQ(unparsed, 8u) << "every JSON line but the over-long one, and none of the text file";
}

TEST_F(unparsed_reader_test, RemappedFieldNamesApplyToDeferredParsing) {
  const std::string file = write("a.jsonl", "{\"content\":\"Body.\",\"headline\":\"Head\"}\n");
  reader_options options;
  std::string error;
  ASSERT_TRUE(parse_field_names("text=content,title=headline", options.fields, error)) << error;
  std::size_t unparsed = 0;
  const read_result got = read_all_unparsed({file}, options, unparsed);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].text, "Body.");
  EXPECT_EQ(got.documents[0].title, "Head");
}

TEST(record_parser, AnyStringIsParsedEvenWithoutRoomPastItsEnd) {
  record_parser parser;
  document doc;
  doc.origin_file = "given.jsonl";
  doc.origin_line = 12;
  rejection why;
  std::string exact = R"({"id":"x","text":"Short."})";
  exact.shrink_to_fit();
  ASSERT_EQ(parser.parse(exact, doc, why), read_status::document) << why.reason;
  EXPECT_EQ(doc.id, "x");
  EXPECT_EQ(doc.text, "Short.");
  EXPECT_EQ(doc.origin_line, 12u);

  ASSERT_EQ(parser.parse(R"({"id":"y","text":)", doc, why), read_status::rejected);
  EXPECT_EQ(why.file, "given.jsonl");
  EXPECT_EQ(why.line, 12u);
  EXPECT_NE(why.reason.find("JSON"), std::string::npos) << why.reason;
}

} // namespace
} // namespace wirespeed::test
