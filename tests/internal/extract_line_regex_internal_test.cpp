// Line-anchored regexes of the boilerplate extractor run outside the scan:
// which regexes they take, and that each finds the same longest match at a
// line start as Hyperscan does in the scan (caseless, multiline).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/boilerplate/line_regex.hpp"
#include "extract/common/builtin_data.hpp"
#include "wirespeed/match.hpp"

namespace wirespeed::extract_detail {
namespace {

std::size_t longest(std::string_view regex, std::string_view line) {
  return line_regex::compile(regex)->longest(line, line.size());
}

TEST(line_regex, takes_classes_repeats_groups_and_alternation) {
  EXPECT_EQ(longest(R"(^\d+ comments?$)", "12 Comments"), 11u);
  EXPECT_EQ(longest(R"(^\d+ comments?$)", "12 comments were made"), 0u);
  EXPECT_EQ(longest(R"(^#\w+( #\w+)*$)", "#Brexit #EU"), 11u);
  EXPECT_EQ(longest(R"(^[\w-]*[a-z]-\d{10,}$)", "photo-a-123456789012"), 20u);
  EXPECT_EQ(longest(R"(^[\w-]*[a-z]-\d{10,}$)", "photo-a-123456789"), 0u); // nine digits
  EXPECT_EQ(longest(R"(^\((photo|image)( by|:) [^)]+\)$)", "(Photo by Jo Smith)"), 19u);
  EXPECT_EQ(longest(R"(^(image |photo )?credit: \S)", "Image credit: AFP"), 15u);
  EXPECT_EQ(longest("^ab{2,3}", "abbbb"), 4u);
  EXPECT_EQ(longest("^ab{2}", "abbbb"), 3u);
  EXPECT_EQ(longest("^a.c", "a-c"), 3u);
  EXPECT_EQ(longest(R"(^[^a-c]x)", "Cx"), 0u); // caseless before negation, as PCRE
  EXPECT_EQ(longest(R"(^[^a-c]x)", "dx"), 2u);
  EXPECT_EQ(longest(R"(^\S+\b)", "ab, c"), 2u);
}

TEST(line_regex, matches_inside_the_line_and_before_its_break) {
  auto regex = line_regex::compile(R"(^[\w ]+$)");
  ASSERT_TRUE(regex);
  EXPECT_EQ(regex->longest("news desk", 9), 9u);
  EXPECT_EQ(regex->longest("news desk\r", 9), 0u);              // "$" is before '\n' only
  EXPECT_EQ(line_regex::compile("^a.")->longest("a\r", 1), 0u); // the '\r' is no line byte
  EXPECT_EQ(regex->longest("", 0), 0u);
  EXPECT_TRUE(regex->may_open_with('N'));
  EXPECT_FALSE(regex->may_open_with('-'));
}

TEST(line_regex, leaves_everything_else_to_the_scan) {
  for (std::string_view regex : {R"(\d+ comments)",
                                 "^поделиться$",
                                 "^a??",
                                 "^a*?b",
                                 "^a++",
                                 "^(?=a)b",
                                 "^(?i)a",
                                 R"(^a\bb)",
                                 R"(^\x41)",
                                 "^[[:alpha:]]",
                                 "^[]a]",
                                 R"(^[\.-z])",
                                 "^a{2,1}",
                                 "^a{,2}",
                                 "^a{0}",
                                 "^a*",
                                 "^(a|)$",
                                 "^a$b",
                                 "^(a",
                                 "^a)",
                                 "^[a",
                                 "^{",
                                 R"(^a\)",
                                 "^a{300}",
                                 "^a{99999}"}) {
    EXPECT_FALSE(line_regex::compile(regex)) << regex;
  }
}

// The longest match Hyperscan reports from the start of `line`, inside it,
// with the line followed by a line break as in a document.
std::size_t scanned_longest(const match::database &db, std::string_view line) {
  std::string text(line);
  text += "\nnext line";
  std::size_t inside = line.ends_with('\r') ? line.size() - 1 : line.size();
  match::scratch space;
  std::vector<match::match> found;
  EXPECT_TRUE(db.scan(text, space, found).ok());
  std::size_t best = 0;
  for (const match::match &m : found) {
    if (m.begin == 0 && m.end <= inside) {
      best = std::max<std::size_t>(best, m.end);
    }
  }
  return best;
}

TEST(line_regex, agrees_with_the_scan_on_the_built_in_list) {
  const std::vector<std::string> lines = {"12 comments",
                                          "1 Comment",
                                          "12 comments were made",
                                          "#brexit #EU",
                                          "#brexit is over",
                                          "More from BBC News",
                                          "more from: here",
                                          "Photo credit: AFP",
                                          "Image credit:  x",
                                          "credit: x",
                                          "(Photo by John Smith)",
                                          "(image: Getty) x",
                                          "(photo by a) (b)",
                                          "Home > News > World",
                                          "news, world",
                                          "Home|Business",
                                          "Asia Pacific / Sport",
                                          "News",
                                          "World desk | Reuters",
                                          "Foreign desk|Staff",
                                          "the desk said",
                                          "Donate",
                                          "donate to the fund",
                                          "Donate now please",
                                          "Sign up for our daily newsletter",
                                          "Sign up for the newsletter!",
                                          "You have read 3 of 10 free articles this month",
                                          "you have read more than 2 stories per month",
                                          "you've read all of your free articles",
                                          "you've read 5 of your 10 free articles",
                                          "Follow @bbcnews",
                                          "follow @ x",
                                          "some-image-name-1234567890",
                                          "IMG-12345678901234",
                                          "a-1234567890",
                                          "-1234567890",
                                          "Shares of X rose 12 per cent on Monday, the desk said.",
                                          "Share this article",
                                          "Home",
                                          "Skip to content",
                                          "Related topics",
                                          "Read more: x"};
  std::size_t compared = 0;
  match::pattern_set list;
  ASSERT_TRUE(list.load_text(builtin_list("boilerplate"), "boilerplate.txt").ok());
  for (const match::pattern &p : list.patterns()) {
    std::optional<line_regex> regex;
    if (p.kind != match::pattern_kind::regex || !(regex = line_regex::compile(p.expression))) {
      continue;
    }
    match::pattern_set one;
    one.add_regex(p.expression, {.flags = match::flag::caseless, .label = p.label, .tag = 0});
    match::database db;
    ASSERT_TRUE(db.compile(one).ok()) << p.expression;
    for (const std::string &base : lines) {
      for (const std::string &line :
           {base, base + "\r", base + " ", base + ".", std::string("X") + base}) {
        std::string upper = line;
        for (char &c : upper) {
          c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        }
        for (const std::string &variant : {line, upper}) {
          const std::size_t inside = variant.ends_with('\r') ? variant.size() - 1 : variant.size();
          EXPECT_EQ(regex->longest(variant, inside), scanned_longest(db, variant))
              << p.expression << " on '" << variant << "'";
        }
      }
    }
    ++compared;
  }
  EXPECT_GE(compared, 13u); // every ASCII line regex of the list that is not phrases
}

} // namespace
} // namespace wirespeed::extract_detail
