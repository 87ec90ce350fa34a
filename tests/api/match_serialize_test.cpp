// database::serialize/deserialize: a loaded database scans like the original;
// damaged bytes are refused with bad_serialized, never scanned.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api/match_util.hpp"
#include "wirespeed/match.hpp"

namespace {

wm::database compiled(bool streaming) {
  wm::pattern_set set;
  set.add_literal("Merkel", opts(wm::flag::whole_word, "person", 3));
  set.add_regex("[0-9]+ (million|billion)", opts(wm::flag::none, "amount", 5));
  set.add_regex("z\u00fcrich", opts(wm::flag::caseless | wm::flag::utf8, "place", 7));
  wm::database db;
  wm::compile_options options;
  options.streaming = streaming;
  EXPECT_TRUE(db.compile(set, options).ok());
  return db;
}

std::vector<wm::match> scan(const wm::database &db, std::string_view text) {
  wm::scratch scratch;
  std::vector<wm::match> found;
  EXPECT_TRUE(db.scan(text, scratch, found).ok());
  return found;
}

TEST(match_serialize, loaded_database_scans_like_the_original) {
  const wm::database original = compiled(false);
  std::string bytes;
  ASSERT_TRUE(original.serialize(bytes).ok());

  wm::database loaded;
  const wm::error e = loaded.deserialize(bytes);
  ASSERT_TRUE(e.ok()) << e.message;
  ASSERT_EQ(loaded.size(), 3u);
  EXPECT_EQ(loaded.at(0).label, "person");
  EXPECT_EQ(loaded.at(2).tag, 7u);
  EXPECT_TRUE(loaded.requires_utf8());

  const std::string text = "Merkel, not Merkelism: 300 million in Z\u00dcRICH.";
  const std::vector<wm::match> found = scan(loaded, text);
  EXPECT_EQ(found, scan(original, text));
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0], (wm::match{0, 3, 0, 6}));
  EXPECT_EQ(found[1], (wm::match{1, 5, 23, 34}));
}

TEST(match_serialize, streaming_form_survives_the_round_trip) {
  std::string bytes;
  ASSERT_TRUE(compiled(true).serialize(bytes).ok());
  wm::database loaded;
  ASSERT_TRUE(loaded.deserialize(bytes).ok());
  wm::scratch scratch;
  wm::stream stream;
  std::vector<wm::match> found;
  ASSERT_TRUE(stream.open(loaded, scratch).ok());
  ASSERT_TRUE(stream.feed("says Mer", found).ok());
  ASSERT_TRUE(stream.feed("kel", found).ok());
  ASSERT_TRUE(stream.finish(found).ok());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0], (wm::match{0, 3, 5, 11}));
}

TEST(match_serialize, damaged_bytes_are_refused) {
  std::string bytes;
  ASSERT_TRUE(compiled(false).serialize(bytes).ok());
  wm::database db;
  EXPECT_EQ(db.deserialize("").code, wm::error_code::bad_serialized);
  EXPECT_EQ(db.deserialize("not a database at all").code, wm::error_code::bad_serialized);
  for (std::size_t cut : {std::size_t{5}, std::size_t{20}, bytes.size() / 2, bytes.size() - 1}) {
    EXPECT_EQ(db.deserialize(std::string_view(bytes).substr(0, cut)).code,
              wm::error_code::bad_serialized)
        << "cut at " << cut;
    EXPECT_FALSE(db.compiled());
  }
  EXPECT_EQ(db.deserialize(bytes + "x").code, wm::error_code::bad_serialized);
  std::string corrupt = bytes;
  corrupt[corrupt.size() - 100] ^= 0x5a; // inside the engine bytes
  const wm::error e = db.deserialize(corrupt);
  EXPECT_EQ(e.code, wm::error_code::bad_serialized);
  EXPECT_NE(e.message.find("serialised pattern database"), std::string::npos) << e.message;
}

TEST(match_serialize, an_empty_database_has_nothing_to_write) {
  std::string bytes;
  EXPECT_EQ(wm::database().serialize(bytes).code, wm::error_code::not_compiled);
  EXPECT_TRUE(bytes.empty());
}

} // namespace
