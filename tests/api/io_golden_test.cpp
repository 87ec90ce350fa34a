// `wirespeed cat` on the bundled sample corpus (corpora/sample).
//
// tests/data/cat_sample_articles.jsonl is the expected output. It was checked
// when written: record for record equal (as JSON) to articles.jsonl, fields in
// the order id, source, url, published, title, text, and byte for byte what
// Python's json.dumps(record, ensure_ascii=False, separators=(",", ":"))
// gives. When the corpus changes, regenerate it and check it again the same
// way; never just copy the new output over.
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>

#include "io_test_support.hpp"

namespace wirespeed::test {
namespace {

const fs::path source_dir = WIRESPEED_SOURCE_DIR;
const fs::path sample_dir = source_dir / "corpora" / "sample";

using golden_test = scratch_dir;

int run_cli(const std::string &arguments, const std::string &out, const std::string &err) {
  const std::string command = "cd '" + source_dir.string() + "' && '" WIRESPEED_CLI "' " +
                              arguments + " >'" + out + "' 2>'" + err + "'";
  const int raw = std::system(command.c_str());
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

TEST_F(golden_test, CatOfTheSampleJsonlMatchesTheCheckedOutput) {
  const std::string out = path("out.jsonl");
  const std::string err = path("err.txt");
  ASSERT_EQ(run_cli("cat corpora/sample/articles.jsonl", out, err), 0) << read_file(err);
  EXPECT_EQ(read_file(out),
            read_file((source_dir / "tests/data/cat_sample_articles.jsonl").string()));
  EXPECT_NE(read_file(err).find("wirespeed cat: 36 records read = 36 written + 0 rejected;"),
            std::string::npos)
      << read_file(err);
}

/// The first line of a file, as the sample's .txt files put the title there.
std::string first_line(const fs::path &file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  return line;
}

TEST_F(golden_test, TheSampleTxtTreeGivesOneRecordPerFileWithTheJsonlTitles) {
  const std::string out = path("out.jsonl");
  const std::string err = path("err.txt");
  ASSERT_EQ(run_cli("cat corpora/sample/txt", out, err), 0) << read_file(err);

  std::vector<std::string> names;
  for (const auto &entry : fs::directory_iterator(sample_dir / "txt")) {
    if (entry.path().extension() == ".txt") {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  ASSERT_GE(names.size(), 30u) << "the sample corpus has a few dozen articles";

  auto from_txt = read_all({out});
  auto from_jsonl = read_all({(sample_dir / "articles.jsonl").string()});
  ASSERT_TRUE(from_txt.rejections.empty());
  ASSERT_EQ(from_txt.documents.size(), names.size());
  ASSERT_EQ(from_jsonl.documents.size(), names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    const document &doc = from_txt.documents[i];
    EXPECT_EQ(doc.id, names[i]);
    EXPECT_EQ(doc.title, first_line(sample_dir / "txt" / names[i])) << names[i];
    const std::string article_id = names[i].substr(0, names[i].size() - 4);
    auto same = std::find_if(from_jsonl.documents.begin(), from_jsonl.documents.end(),
                             [&](const document &d) { return d.id == article_id; });
    ASSERT_NE(same, from_jsonl.documents.end()) << article_id;
    EXPECT_EQ(doc.title, same->title) << article_id;
    EXPECT_NE(doc.text.find(same->text), std::string::npos)
        << article_id << ": the txt file holds the title, then the JSONL text";
  }
}

} // namespace
} // namespace wirespeed::test
