#pragma once
// One document's gold annotations, as parsed from gold JSON Lines.
#include <string>
#include <vector>

namespace wirespeed::eval_detail {

struct gold_quote {
  std::string text;
  std::string speaker; ///< empty: null
  std::string verb;    ///< empty: null
  bool partial = false;
};

struct gold_quantity {
  std::string text;
  bool has_value = false; ///< false: null
  double value = 0;
  std::string approx;
  std::string unit;  ///< empty: null
  std::string event; ///< empty: null
};

struct gold_date {
  std::string text;
  std::string value; ///< empty: null
  std::string kind;
};

struct gold_entity {
  std::string text;
  std::string type; ///< person, organization or place
  std::string canonical;
};

struct gold_record {
  std::string id;
  std::string title;
  std::string published;
  std::vector<std::string> byline;
  std::string dateline;
  std::vector<std::string> boilerplate; ///< line texts
  std::vector<gold_quote> quotes;
  std::vector<gold_quantity> quantities;
  std::vector<gold_date> dates;
  std::vector<gold_entity> entities; ///< each distinct text and type once
};

} // namespace wirespeed::eval_detail
