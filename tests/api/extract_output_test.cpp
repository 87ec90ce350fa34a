// JSON output, field selection, clean text, extractor subsets, stats.
#include <gtest/gtest.h>

#include <filesystem>

#include <unistd.h>

#include "api/extract_util.hpp"

namespace {

wirespeed::document sample_doc() {
  wirespeed::document doc;
  doc.id = "a1";
  doc.source = "Wire";
  doc.url = "https://example.org/a1";
  doc.title = "Bridge reopens";
  doc.published = "2024-03-07";
  doc.text = "By Ann Lee\n\n\"It is open,\" Mayor Tom Hale said.\nShare this article";
  return doc;
}

} // namespace

TEST(extract_output, every_field_in_schema_order) {
  auto doc = sample_doc();
  wirespeed::extract_scratch scratch;
  wirespeed::extraction r;
  ASSERT_TRUE(extract_test::default_set()->extract(doc, scratch, r).ok());
  std::string out;
  wirespeed::append_extraction_json(out, doc, r, {});
  EXPECT_EQ(
      out, "{\"id\":\"a1\",\"source\":\"Wire\",\"url\":\"https://example.org/a1\","
           "\"title\":\"Bridge reopens\",\"published\":\"2024-03-07\",\"byline\":[\"Ann Lee\"],"
           "\"dateline\":null,\"boilerplate\":[{\"begin\":47,\"end\":65,\"kind\":\"share\"}],"
           "\"quotes\":[{\"begin\":13,\"end\":24,\"text\":\"It is open,\",\"speaker\":\"Tom Hale\","
           "\"speaker_begin\":32,\"speaker_end\":40,\"verb\":\"said\",\"partial\":false}],"
           "\"quantities\":[],\"dates\":[],"
           "\"entities\":[{\"begin\":3,\"end\":10,\"text\":\"Ann Lee\",\"type\":\"person\","
           "\"canonical\":\"Ann Lee\"},{\"begin\":32,\"end\":40,\"text\":\"Tom Hale\","
           "\"type\":\"person\",\"canonical\":\"Tom Hale\"}],"
           "\"stats\":{\"bytes\":65,\"tokens\":17,\"sentences\":3,\"paragraphs\":2}}");
}

TEST(extract_output, field_selection_and_clean_text) {
  auto doc = sample_doc();
  wirespeed::extract_scratch scratch;
  wirespeed::extraction r;
  ASSERT_TRUE(extract_test::default_set()->extract(doc, scratch, r).ok());
  std::string out;
  wirespeed::append_extraction_json(
      out, doc, r,
      {.fields = wirespeed::field_byline | wirespeed::field_dateline, .clean_text = true});
  EXPECT_EQ(out, "{\"id\":\"a1\",\"source\":\"Wire\",\"url\":\"https://example.org/a1\","
                 "\"byline\":[\"Ann Lee\"],\"dateline\":null,"
                 "\"text\":\"By Ann Lee\\n\\n\\\"It is open,\\\" Mayor Tom Hale said.\\n\"}");
  EXPECT_EQ(wirespeed::parse_extract_field("quotes"), wirespeed::field_quotes);
  EXPECT_EQ(wirespeed::parse_extract_field("nope"), 0u);
}

TEST(extract_output, extractor_subset_leaves_other_fields_empty) {
  wirespeed::extract_error error;
  wirespeed::extract_options options;
  options.extractors = wirespeed::extractors_for(wirespeed::field_byline);
  auto set = wirespeed::extractor_set::create(options, error);
  ASSERT_TRUE(set) << error.message;
  auto doc = sample_doc();
  wirespeed::extract_scratch scratch;
  wirespeed::extraction r;
  ASSERT_TRUE(set->extract(doc, scratch, r).ok());
  EXPECT_EQ(r.byline, std::vector<std::string>{"Ann Lee"});
  EXPECT_TRUE(r.quotes.empty());
  EXPECT_GT(set->pattern_count(), 0u);
}

// A set built from the on-disk cache extracts exactly what a compiled one does.
TEST(extract_output, cached_database_gives_the_same_extraction) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("wirespeed_extract_set_cache_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  wirespeed::extract_options options;
  options.use_cache = true;
  options.cache_dir = dir.string();
  wirespeed::extract_error error;
  auto compiled = wirespeed::extractor_set::create(options, error);
  ASSERT_TRUE(compiled) << error.message;
  ASSERT_FALSE(std::filesystem::is_empty(dir));
  auto cached = wirespeed::extractor_set::create(options, error);
  ASSERT_TRUE(cached) << error.message;
  EXPECT_EQ(cached->pattern_count(), compiled->pattern_count());
  auto doc = sample_doc();
  wirespeed::extract_scratch scratch;
  wirespeed::extraction a;
  wirespeed::extraction b;
  ASSERT_TRUE(compiled->extract(doc, scratch, a).ok());
  ASSERT_TRUE(cached->extract(doc, scratch, b).ok());
  EXPECT_EQ(a.byline, b.byline);
  EXPECT_EQ(a.boilerplate, b.boilerplate);
  EXPECT_EQ(a.entities, b.entities);
  EXPECT_EQ(a.quotes.size(), b.quotes.size());
  std::filesystem::remove_all(dir);
}

TEST(extract_output, empty_and_unbalanced_documents_are_normal_input) {
  for (const char *text : {"", "\"", "\u201D\u201C", "\n\n\n", "\"\"\"\"", "By\n", "|"}) {
    const auto r = extract_test::run(text, "");
    EXPECT_TRUE(r.quotes.empty()) << text;
  }
}

TEST(extract_output, names_of_kinds_and_extractors) {
  wirespeed::boilerplate_kind kind{};
  ASSERT_TRUE(wirespeed::parse_boilerplate_kind("caption", kind));
  EXPECT_EQ(kind, wirespeed::boilerplate_kind::caption);
  EXPECT_EQ(wirespeed::to_string(wirespeed::boilerplate_kind::navigation), "navigation");
  EXPECT_FALSE(wirespeed::parse_boilerplate_kind("Caption", kind));
  EXPECT_EQ(wirespeed::to_string(wirespeed::extractor_id::quotes), "quotes");
  EXPECT_EQ(wirespeed::extractors_for(wirespeed::field_stats).size(), 0u);
  EXPECT_EQ(wirespeed::extractors_for(wirespeed::field_quotes),
            (std::vector<wirespeed::extractor_id>{wirespeed::extractor_id::boilerplate,
                                                  wirespeed::extractor_id::quotes}));
  EXPECT_EQ(wirespeed::to_string(wirespeed::extractor_id::quantities), "quantities");
  EXPECT_EQ(wirespeed::to_string(wirespeed::extractor_id::dates), "dates");
  EXPECT_EQ(wirespeed::to_string(wirespeed::quantity_approx::at_least), "at_least");
  EXPECT_EQ(wirespeed::to_string(wirespeed::quantity_approx::less_than), "less_than");
  EXPECT_EQ(wirespeed::to_string(wirespeed::date_kind::duration), "duration");
  // Quantities alone; dates need the publication date (metadata, which skips
  // boilerplate) and the quantities of time that are durations.
  EXPECT_EQ(wirespeed::extractors_for(wirespeed::field_quantities),
            (std::vector<wirespeed::extractor_id>{wirespeed::extractor_id::quantities}));
  EXPECT_EQ(wirespeed::extractors_for(wirespeed::field_dates),
            (std::vector<wirespeed::extractor_id>{
                wirespeed::extractor_id::boilerplate, wirespeed::extractor_id::metadata,
                wirespeed::extractor_id::quantities, wirespeed::extractor_id::dates}));
  wirespeed::date_order order = wirespeed::date_order::dmy;
  ASSERT_TRUE(wirespeed::parse_date_order("mdy", order));
  EXPECT_EQ(order, wirespeed::date_order::mdy);
  EXPECT_FALSE(wirespeed::parse_date_order("ymd", order));
}

TEST(extract_output, quantities_and_dates_as_json) {
  wirespeed::document doc;
  doc.id = "q";
  doc.published = "2024-03-07";
  doc.text = "Officials said on Thursday that at least 30,800 people were killed and "
             "dozens of homes burned over two days.";
  wirespeed::extract_scratch scratch;
  wirespeed::extraction r;
  ASSERT_TRUE(extract_test::default_set()->extract(doc, scratch, r).ok());
  std::string out;
  wirespeed::append_extraction_json(
      out, doc, r, {.fields = wirespeed::field_quantities | wirespeed::field_dates});
  EXPECT_EQ(out, "{\"id\":\"q\",\"source\":\"\",\"url\":\"\",\"quantities\":["
                 "{\"begin\":32,\"end\":54,\"text\":\"at least 30,800 people\",\"value\":30800,"
                 "\"approx\":\"at_least\",\"unit\":\"people\",\"event\":\"killed\"},"
                 "{\"begin\":71,\"end\":86,\"text\":\"dozens of homes\",\"value\":null,"
                 "\"approx\":\"about\",\"unit\":\"homes\",\"event\":null},"
                 "{\"begin\":99,\"end\":107,\"text\":\"two days\",\"value\":2,"
                 "\"approx\":\"exact\",\"unit\":\"days\",\"event\":null}],"
                 "\"dates\":[{\"begin\":18,\"end\":26,\"text\":\"Thursday\","
                 "\"value\":\"2024-03-07\",\"kind\":\"relative\"},"
                 "{\"begin\":99,\"end\":107,\"text\":\"two days\",\"value\":null,"
                 "\"kind\":\"duration\"}]}");
}
