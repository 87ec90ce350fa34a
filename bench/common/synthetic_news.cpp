#include "common/corpus.hpp"

#include <array>
#include <string>
#include <string_view>

// Synthetic news for machines without the shared corpora. The point is not
// prose but the statistics extractors care about: sentence and word lengths of
// wire copy, capitalised names, curly and straight quotes with attributions,
// hedged figures with separators, dates, datelines and the odd URL or handle.
namespace wirespeed::bench {
namespace {

// xorshift64*: tiny, fast, and identical on every platform.
class rng {
public:
  explicit rng(std::uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ULL + 1) {}
  std::uint64_t next() {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return state_ * 0x2545F4914F6CDD1DULL;
  }
  template <class T, std::size_t N> const T &pick(const std::array<T, N> &items) {
    return items[next() % N];
  }
  std::uint64_t below(std::uint64_t bound) { return next() % bound; }

private:
  std::uint64_t state_;
};

constexpr std::array<std::string_view, 12> people{
    "Jack Lew",       "Amira Haddad", "David Mencer",   "Olena Kovalenko",
    "Ismail Haniyeh", "Maria Santos", "Kenji Watanabe", "Fatma Yilmaz",
    "John Kirby",     "Sarah Okafor", "Ahmed Naim",     "Liu Wei"};
constexpr std::array<std::string_view, 8> titles{
    "spokesman", "Prime Minister",         "Foreign Minister",
    "President", "government spokeswoman", "Dr.",
    "Mr.",       "chief negotiator"};
constexpr std::array<std::string_view, 10> places{"Gaza",   "Rafah", "Cairo", "Washington", "Kyiv",
                                                  "Ankara", "Tokyo", "Lagos", "Brussels",   "Doha"};
constexpr std::array<std::string_view, 8> orgs{"Hamas",
                                               "the United Nations",
                                               "Reuters",
                                               "the World Health Organization",
                                               "the U.S. Treasury",
                                               "Al-Qahera News",
                                               "the central bank",
                                               "the Red Crescent"};
constexpr std::array<std::string_view, 6> hedges{"at least", "more than", "nearly",
                                                 "about",    "some",      "up to"};
constexpr std::array<std::string_view, 6> nouns{"people", "hostages", "children",
                                                "homes",  "families", "workers"};
constexpr std::array<std::string_view, 6> events{"killed",   "injured", "displaced",
                                                 "released", "held",    "evacuated"};
constexpr std::array<std::string_view, 7> weekdays{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                   "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 6> months{"Jan.", "Feb.", "March", "April", "Oct.", "Nov."};
constexpr std::array<std::string_view, 6> verbs{"said",    "told reporters", "added",
                                                "said on", "told Reuters",   "wrote on X"};
constexpr std::array<std::string_view, 10> filler{
    "talks between the two sides have stalled over the sequencing of a cease-fire",
    "the negotiations are expected to resume next week after consultations",
    "aid agencies warned that supplies were running out in the north of the strip",
    "officials did not immediately respond to a request for comment",
    "the differences are being narrowed, but it is not yet an agreement",
    "markets fell sharply after the announcement, with bond yields rising",
    "the ministry published its figures late in the evening, local time",
    "residents described long queues for bread and fuel in the city",
    "the proposal includes a six-week truce and the exchange of detainees",
    "analysts said the decision had been widely expected by investors"};

void append_number(std::string &out, rng &random) {
  const std::uint64_t value = 2 + random.below(random.below(4) == 0 ? 2'000'000 : 90'000);
  std::string digits = std::to_string(value);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
}

void append_sentence(std::string &out, rng &random) {
  switch (random.below(6)) {
  case 0:
    out += "The health ministry said ";
    out += random.pick(hedges);
    out += ' ';
    append_number(out, random);
    out += ' ';
    out += random.pick(nouns);
    out += " had been ";
    out += random.pick(events);
    out += " since Oct. 7.";
    break;
  case 1:
    out += random.below(2) ? "\u201C" : "\"";
    out += "It is not yet the case that ";
    out += random.pick(filler);
    out += random.below(2) ? ",\u201D " : ",\" ";
    out += random.pick(people);
    out += ' ';
    out += random.pick(verbs);
    out += ' ';
    out += random.pick(weekdays);
    out += '.';
    break;
  case 2:
    out += "On ";
    out += random.pick(months);
    out += ' ';
    out += std::to_string(1 + random.below(28));
    out += ", 2024, ";
    out += random.pick(orgs);
    out += " said ";
    out += random.pick(filler);
    out += '.';
    break;
  case 3:
    out += random.pick(titles);
    out += ' ';
    out += random.pick(people);
    out += " told reporters in ";
    out += random.pick(places);
    out += " that about ";
    out += std::to_string(random.below(100));
    out += "% of ";
    out += random.pick(nouns);
    out += " were affected.";
    break;
  case 4:
    out += "According to ";
    out += random.pick(orgs);
    out += ", ";
    out += random.pick(filler);
    out += " (see https://example.org/news/";
    out += std::to_string(random.below(100000));
    out += " or follow @wirespeed).";
    break;
  default:
    out += "In ";
    out += random.pick(places);
    out += ", ";
    out += random.pick(filler);
    out += '.';
    break;
  }
}

} // namespace

std::string synthetic_news(std::size_t bytes, std::uint64_t seed) {
  rng random(seed);
  std::string text;
  text.reserve(bytes + 4096);
  while (text.size() < bytes) {
    std::string upper(random.pick(places));
    for (char &c : upper) {
      c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    text += "By ";
    text += random.pick(people);
    text += "\n\n";
    text += upper;
    text += " \u2014 ";
    const std::uint64_t paragraphs = 3 + random.below(6);
    for (std::uint64_t p = 0; p < paragraphs; ++p) {
      const std::uint64_t sentences = 1 + random.below(3);
      for (std::uint64_t s = 0; s < sentences; ++s) {
        append_sentence(text, random);
        text += ' ';
      }
      text.back() = '\n';
      text += '\n';
    }
    text += '\n';
  }
  return text;
}

std::string synthetic_arabic(std::size_t bytes, std::uint64_t seed) {
  constexpr std::array<std::string_view, 6> sentences{
      "قال المتحدث باسم الحكومة إن المفاوضات لا تزال مستمرة في القاهرة.",
      "وأعلنت وزارة الصحة أن ما لا يقل عن 30,800 شخص قتلوا منذ بداية الحرب.",
      "ورسم رئيس الوزراء الإطار العام لاستراتيجية جديدة على مدى خمس سنوات.",
      "Müzakerelerin önümüzdeki hafta Kahire'de yeniden başlaması bekleniyor.",
      "Sağlık Bakanlığı, en az 30.800 kişinin hayatını kaybettiğini açıkladı.",
      "«نحن نعمل من أجل وقف إطلاق النار»، قال المتحدث يوم الخميس."};
  rng random(seed);
  std::string text;
  text.reserve(bytes + 512);
  while (text.size() < bytes) {
    text += random.pick(sentences);
    text += random.below(4) == 0 ? "\n\n" : " ";
  }
  return text;
}

} // namespace wirespeed::bench
