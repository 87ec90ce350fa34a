#include "match/workload.hpp"

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <unordered_set>

#include "common/corpus.hpp"

namespace wirespeed::bench {
namespace {

// Reuters lists are lower case with hyphens ("west-germany"): restore the
// form news text uses ("West Germany"; short ones are acronyms: "EC").
std::string reuters_name(const std::string &line) {
  std::string name;
  bool start = true;
  for (const char c : line) {
    if (c == '-') {
      name.push_back(' ');
      start = true;
    } else {
      name.push_back(start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
      start = false;
    }
  }
  if (name.size() <= 3) {
    for (char &c : name) {
      c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
    }
  }
  return name;
}

std::vector<std::string> reuters_names() {
  std::vector<std::string> names;
  const auto dir = shared_corpora_dir() / "reuters21578" / "data";
  for (const char *list : {"people", "places", "orgs", "exchanges"}) {
    std::ifstream in(dir / (std::string("all-") + list + "-strings.lc.txt"));
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) {
        names.push_back(reuters_name(line));
      }
    }
  }
  return names;
}

bool capitalised(const std::string &word) {
  return word.size() >= 2 && word[0] >= 'A' && word[0] <= 'Z' && word[1] >= 'a' && word[1] <= 'z';
}

// Capitalised words of 5+ letters and pairs of capitalised words, in order of
// first appearance: "London", "Tony Blair", "Prime Minister".
std::vector<std::string> text_terms(const std::string &text, std::size_t wanted) {
  std::vector<std::string> terms;
  std::istringstream words(text.substr(0, std::min<std::size_t>(text.size(), 64u << 20)));
  std::string previous;
  for (std::string word; terms.size() < wanted && words >> word;) {
    while (!word.empty() && !std::isalnum(static_cast<unsigned char>(word.back()))) {
      word.pop_back();
    }
    const bool clean =
        word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") ==
        std::string::npos;
    if (!clean || !capitalised(word)) {
      previous.clear();
      continue;
    }
    if (!previous.empty()) {
      terms.push_back(previous + " " + word);
    }
    if (word.size() >= 5) {
      terms.push_back(word);
    }
    previous = word;
  }
  return terms;
}

std::string synthetic_name(std::mt19937_64 &rng) {
  static const char *const onsets[] = {"b", "c", "d", "f", "g", "h", "j", "k",  "l",  "m",  "n",
                                       "p", "r", "s", "t", "v", "w", "z", "br", "ch", "st", "tr"};
  static const char *const vowels[] = {"a", "e", "i", "o", "u", "ai", "ea", "ou"};
  const auto word = [&](int syllables) {
    std::string w;
    for (int i = 0; i < syllables; ++i) {
      w += onsets[rng() % std::size(onsets)];
      w += vowels[rng() % std::size(vowels)];
    }
    w[0] = static_cast<char>(w[0] - 32);
    return w;
  };
  return word(2 + static_cast<int>(rng() % 2)) + " " + word(2 + static_cast<int>(rng() % 3));
}

} // namespace

std::vector<std::string> literal_names(std::size_t n, const std::string &text, bool from_text) {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  const auto push = [&](const std::string &s) {
    if (out.size() < n && seen.insert(s).second) {
      out.push_back(s);
    }
  };
  const auto reuters = reuters_names();
  const auto terms = from_text ? text_terms(text, n) : std::vector<std::string>{};
  for (std::size_t i = 0; out.size() < n && (i < reuters.size() || i < terms.size()); ++i) {
    if (i < reuters.size()) {
      push(reuters[i]);
    }
    if (i < terms.size()) {
      push(terms[i]);
    }
  }
  std::mt19937_64 rng(42);
  while (out.size() < n) {
    push(synthetic_name(rng));
  }
  return out;
}

std::vector<std::string> news_regexes(std::size_t n) {
  std::vector<std::string> out{
      "[0-9]+(\\.[0-9]+)? (million|billion|trillion)",
      "\\$[0-9]+(\\.[0-9]+)?",
      "(January|February|March|April|June|July|August|September|October|November|December) "
      "[0-9]{1,2}",
      "[0-9]+(\\.[0-9]+)? ?(%|per ?cent)",
      "Mr\\.? [A-Z][a-z]+",
      "(said|told|added) [A-Z][a-z]+",
      "[A-Z][a-z]+ (Ltd|Inc|plc|Group|Corporation)",
      "[0-9]{4}-[0-9]{2}-[0-9]{2}",
      "(19|20)[0-9]{2}",
      "[A-Z]{2,6} [a-z]+",
  };
  static const char *const keywords[] = {
      "government", "minister", "company", "market",   "shares",   "profit", "election", "police",
      "court",      "players",  "season",  "film",     "music",    "record", "growth",   "economy",
      "bank",       "chief",    "leader",  "party",    "report",   "deal",   "sales",    "prices",
      "rates",      "firm",     "team",    "match",    "software", "users",  "phone",    "game",
      "award",      "tax",      "budget",  "spending", "workers",  "jobs",   "oil",      "dollar",
      "euro",       "trade",    "country", "council",  "labour",   "tory",   "vote",     "campaign",
      "law",        "security"};
  for (std::size_t i = 0; out.size() < n; ++i) {
    const std::string k = keywords[i % std::size(keywords)];
    out.push_back(i < std::size(keywords) ? k + " [a-z]+ [0-9]+" : "[A-Z][a-z]+ " + k);
  }
  out.resize(n);
  return out;
}

std::string write_temp(const std::string &name, const std::vector<std::string> &lines) {
  std::string text;
  for (const std::string &line : lines) {
    text += line;
    text += '\n';
  }
  return write_temp(name, text);
}

std::string write_temp(const std::string &name, const std::string &text) {
  const auto path = std::filesystem::temp_directory_path() / ("wirespeed_bench_" + name);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  return path.string();
}

} // namespace wirespeed::bench
