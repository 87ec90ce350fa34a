#include <algorithm>
#include <deque>
#include <filesystem>
#include <optional>
#include <system_error>

#include "io/byte_source.hpp"
#include "io/jsonl_record.hpp"
#include "io/line_reader.hpp"
#include "io/text_record.hpp"
#include "wirespeed/reader.hpp"

namespace wirespeed {
namespace {

namespace fs = std::filesystem;

std::string lower_extension(const fs::path &path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

/// The extension that tells the format: ".jsonl" for "a.jsonl.gz".
std::string format_extension(const fs::path &path) {
  std::string ext = lower_extension(path);
  if (ext == ".gz" || ext == ".zst") {
    return lower_extension(path.stem());
  }
  return ext;
}

bool is_jsonl_name(const std::string &path) {
  std::string ext = format_extension(path);
  return ext == ".jsonl" || ext == ".json" || ext == ".ndjson";
}

bool is_known_name(const std::string &path) {
  return is_jsonl_name(path) || format_extension(path) == ".txt";
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

constexpr std::string_view byte_order_mark = "\xef\xbb\xbf";

} // namespace

struct document_reader::impl {
  struct queued_file {
    std::string path; // as shown in messages
    std::string id;   // document id for a text file
  };

  std::vector<std::string> inputs;
  std::size_t next_input = 0;
  reader_options options;
  std::deque<queued_file> queued;

  // The JSON Lines input being read, if any.
  std::string file;
  std::unique_ptr<io::byte_source> source;
  std::unique_ptr<io::line_reader> lines;
  bool saw_record = false;

  io::jsonl_record_parser parser;
  std::string reason;
  std::uint64_t finished_bytes = 0;

  read_status reject(rejection &why, std::string path, std::uint64_t line, std::string text) {
    why.file = std::move(path);
    why.line = line;
    why.reason = std::move(text);
    return read_status::rejected;
  }

  read_status next(document &doc, rejection &why) {
    for (;;) {
      if (lines) {
        if (auto status = next_line(doc, why)) {
          return *status;
        }
        continue;
      }
      if (!queued.empty()) {
        queued_file next_file = std::move(queued.front());
        queued.pop_front();
        if (auto status = open(next_file.path, next_file.id, doc, why)) {
          return *status;
        }
        continue;
      }
      if (next_input == inputs.size()) {
        return read_status::end;
      }
      const std::string &path = inputs[next_input++];
      std::error_code error;
      if (path != "-" && fs::is_directory(path, error)) {
        if (auto status = expand_directory(path, why)) {
          return *status;
        }
        continue;
      }
      std::string id = path == "-" ? path : fs::path(path).filename().string();
      if (auto status = open(path, id, doc, why)) {
        return *status;
      }
    }
  }

  /// Queues the directory's files, sorted so runs are reproducible. Hidden
  /// files and directories (.git, editor backups) are left out.
  std::optional<read_status> expand_directory(const std::string &dir, rejection &why) {
    std::vector<queued_file> found;
    std::error_code error;
    const fs::path root(dir);
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      const fs::path &path = it->path();
      if (path.filename().string().starts_with('.')) {
        it.disable_recursion_pending();
        continue;
      }
      std::error_code type_error;
      if (!it->is_regular_file(type_error)) {
        continue;
      }
      if (options.format == input_format::automatic && !is_known_name(path.string())) {
        continue;
      }
      found.push_back({path.string(), path.lexically_relative(root).generic_string()});
    }
    if (error) {
      return reject(why, dir, 0, "cannot read directory: " + error.message());
    }
    if (found.empty()) {
      return reject(why, dir, 0, "no .txt or .jsonl files (or .gz/.zst of them) in directory");
    }
    std::sort(found.begin(), found.end(),
              [](const queued_file &a, const queued_file &b) { return a.id < b.id; });
    queued.insert(queued.end(), std::make_move_iterator(found.begin()),
                  std::make_move_iterator(found.end()));
    return std::nullopt;
  }

  /// Opens one file: a text file is read whole and returned; a JSON Lines
  /// file becomes the current input (nullopt: go on reading its lines).
  std::optional<read_status> open(const std::string &path, const std::string &id, document &doc,
                                  rejection &why) {
    io::opened_source opened = io::open_source(path);
    if (!opened.source) {
      return reject(why, path, 0, std::move(opened.error));
    }
    if (opened.empty) {
      return reject(why, path, 0, "empty file");
    }
    const bool jsonl =
        options.format == input_format::jsonl ||
        (options.format == input_format::automatic && (path == "-" || is_jsonl_name(path)));
    if (jsonl) {
      file = path;
      source = std::move(opened.source);
      lines = std::make_unique<io::line_reader>(*source, options.max_record_bytes);
      saw_record = false;
      return std::nullopt;
    }
    doc.id = id;
    doc.source.clear();
    doc.url.clear();
    doc.published.clear();
    doc.origin_file = path;
    doc.origin_line = 1;
    if (!io::read_text_record(*opened.source, options.max_record_bytes, doc, reason,
                              finished_bytes)) {
      return reject(why, path, 0, std::move(reason));
    }
    return read_status::document;
  }

  std::optional<read_status> next_line(document &doc, rejection &why) {
    std::string_view line;
    switch (lines->next(line)) {
    case io::line_reader::status::line:
      if (lines->unterminated() && !source->error().empty()) {
        break; // the stream broke off inside this line: reported as truncation below
      }
      if (lines->line_number() == 1 && line.starts_with(byte_order_mark)) {
        line.remove_prefix(byte_order_mark.size());
      }
      if (is_blank(line)) {
        return std::nullopt;
      }
      saw_record = true;
      if (!parser.parse(line, lines->capacity_from(line), options.fields, doc, reason)) {
        return reject(why, file, lines->line_number(), std::move(reason));
      }
      doc.origin_file = file;
      doc.origin_line = lines->line_number();
      return read_status::document;
    case io::line_reader::status::too_long:
      saw_record = true;
      return reject(why, file, lines->line_number(),
                    "line longer than the limit of " + std::to_string(options.max_record_bytes) +
                        " bytes (" + std::to_string(lines->skipped_bytes()) + " bytes; skipped)");
    case io::line_reader::status::end:
      break;
    }
    const std::uint64_t last_line = lines->line_number() - (lines->unterminated() ? 1 : 0);
    const std::uint64_t bytes = lines->bytes_read();
    std::string error = source->error();
    finished_bytes += bytes;
    lines.reset();
    source.reset();
    if (!error.empty()) {
      return reject(why, std::move(file), last_line + 1, std::move(error));
    }
    if (!saw_record) {
      return reject(why, std::move(file), 0,
                    bytes == 0 ? "empty file" : "no records (only blank lines)");
    }
    return std::nullopt;
  }
};

document_reader::document_reader(std::vector<std::string> inputs, reader_options options)
    : impl_(std::make_unique<impl>()) {
  impl_->inputs = std::move(inputs);
  impl_->options = std::move(options);
}

document_reader::~document_reader() = default;
document_reader::document_reader(document_reader &&) noexcept = default;
document_reader &document_reader::operator=(document_reader &&) noexcept = default;

read_status document_reader::next(document &doc, rejection &why) {
  return impl_->next(doc, why);
}

std::uint64_t document_reader::bytes_read() const noexcept {
  return impl_->finished_bytes + (impl_->lines ? impl_->lines->bytes_read() : 0);
}

} // namespace wirespeed
