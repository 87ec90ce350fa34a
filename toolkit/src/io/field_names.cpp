#include "wirespeed/reader.hpp"

namespace wirespeed {

bool parse_field_names(std::string_view spec, jsonl_field_names &names, std::string &error) {
  jsonl_field_names parsed = names;
  while (!spec.empty()) {
    std::size_t comma = spec.find(',');
    std::string_view pair = spec.substr(0, comma);
    spec = comma == std::string_view::npos ? std::string_view{} : spec.substr(comma + 1);
    std::size_t equals = pair.find('=');
    if (equals == std::string_view::npos) {
      error = "expected FIELD=KEY, got \"" + std::string(pair) + "\"";
      return false;
    }
    std::string_view field = pair.substr(0, equals);
    std::string_view key = pair.substr(equals + 1);
    if (key.empty()) {
      error = "empty JSON key for field \"" + std::string(field) + "\"";
      return false;
    }
    std::string *slot = field == "id"          ? &parsed.id
                        : field == "url"       ? &parsed.url
                        : field == "source"    ? &parsed.source
                        : field == "published" ? &parsed.published
                        : field == "title"     ? &parsed.title
                        : field == "text"      ? &parsed.text
                                               : nullptr;
    if (slot == nullptr) {
      error = "unknown document field \"" + std::string(field) +
              "\" (known: id, url, source, published, title, text)";
      return false;
    }
    slot->assign(key);
  }
  names = std::move(parsed);
  return true;
}

} // namespace wirespeed
