// `wirespeed gazetteer build` as a library processor on a small corpus.
#include <gtest/gtest.h>

#include "wirespeed/gazetteer.hpp"

namespace {

wirespeed::document doc(std::string id, std::string text) {
  wirespeed::document d;
  d.id = std::move(id);
  d.text = std::move(text);
  return d;
}

std::string mine(const std::vector<wirespeed::document> &docs,
                 const wirespeed::gazetteer_build_options &options, std::size_t workers = 1) {
  wirespeed::extract_error error;
  auto set = wirespeed::make_gazetteer_build_set(error);
  EXPECT_TRUE(set) << error.message;
  std::vector<std::unique_ptr<wirespeed::document_processor>> procs;
  for (std::size_t w = 0; w < workers; ++w) {
    procs.push_back(wirespeed::make_gazetteer_build_processor(set, options));
  }
  std::string out;
  std::string why;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    EXPECT_TRUE(procs[i % workers]->process(docs[i], out, why)) << why;
  }
  EXPECT_TRUE(out.empty()); // nothing per document
  for (std::size_t w = 1; w < workers; ++w) {
    procs[0]->merge(*procs[w]);
  }
  procs[0]->finish(out);
  return out;
}

const std::vector<wirespeed::document> corpus = {
    doc("a", "Lena Ortiz said the Harbor Water Authority would meet in Cairo."),
    doc("b", "Officials at the Harbor Water Authority met Lena Ortiz again. Ortiz said so."),
    doc("c", "Lena Ortiz, the mayor, toured the site with Paul Grant."),
};

TEST(gazetteer_build, counts_multi_word_names_most_frequent_first) {
  std::string out = mine(corpus, {});
  // "Ortiz" in document b is Lena Ortiz too: mentions count under the canonical name
  const std::string want = "# 4 mentions\nperson\tLena Ortiz\n"
                           "# 2 mentions\norganization\tHarbor Water Authority\n";
  EXPECT_NE(out.find(want), std::string::npos) << out;
  EXPECT_EQ(out.find("Paul Grant"), std::string::npos) << out; // once only
  EXPECT_EQ(out.find("Cairo"), std::string::npos) << out;      // one word
  EXPECT_EQ(out.rfind("# Names mined by `wirespeed gazetteer build` from 3 documents", 0), 0u);
}

TEST(gazetteer_build, options_and_workers) {
  wirespeed::gazetteer_build_options options;
  options.min_count = 1;
  options.min_words = 1;
  std::string one = mine(corpus, options);
  EXPECT_NE(one.find("person\tPaul Grant\n"), std::string::npos) << one;
  EXPECT_NE(one.find("place\tCairo\n"), std::string::npos) << one;
  EXPECT_EQ(mine(corpus, options, 2), one); // the same file whatever the thread count
}

} // namespace
