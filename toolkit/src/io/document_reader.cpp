#include <atomic>
#include <optional>

#include "io/byte_source.hpp"
#include "io/file_names.hpp"
#include "io/jsonl_record.hpp"
#include "io/line_reader.hpp"
#include "io/text_record.hpp"
#include "wirespeed/reader.hpp"

namespace wirespeed {
namespace {

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

constexpr std::string_view byte_order_mark = "\xef\xbb\xbf";

} // namespace

struct document_reader::impl {
  std::vector<input_file> files;
  std::size_t next_file = 0;
  reader_options options;
  // Before the sources, which add to it from their threads until destroyed.
  std::atomic<std::uint64_t> decompress_nanoseconds{0};

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

  /// `unparsed`: where a JSON Lines record's text goes instead of being
  /// parsed (next_unparsed), or null (next).
  read_status next(document &doc, rejection &why, std::string *unparsed) {
    for (;;) {
      if (lines) {
        if (auto status = next_line(doc, why, unparsed)) {
          return *status;
        }
        continue;
      }
      if (next_file == files.size()) {
        return read_status::end;
      }
      const input_file &next_input = files[next_file++];
      if (!next_input.error.empty()) {
        return reject(why, next_input.path, 0, next_input.error);
      }
      if (auto status = open(next_input.path, next_input.id, doc, why)) {
        return *status;
      }
    }
  }

  /// Opens one file: a text file is read whole and returned; a JSON Lines
  /// file becomes the current input (nullopt: go on reading its lines).
  std::optional<read_status> open(const std::string &path, const std::string &id, document &doc,
                                  rejection &why) {
    io::opened_source opened = io::open_source(path, &decompress_nanoseconds, options.stop);
    if (!opened.source) {
      return reject(why, path, 0, std::move(opened.error));
    }
    if (opened.empty) {
      return reject(why, path, 0, "empty file");
    }
    const bool jsonl =
        options.format == input_format::jsonl ||
        (options.format == input_format::automatic && (path == "-" || io::is_jsonl_name(path)));
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
    if (!io::read_text_record(*opened.source, options.max_record_bytes, opened.size_hint, doc,
                              reason, finished_bytes)) {
      return reject(why, path, 0, std::move(reason));
    }
    return read_status::document;
  }

  std::optional<read_status> next_line(document &doc, rejection &why, std::string *unparsed) {
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
      doc.origin_file = file;
      doc.origin_line = lines->line_number();
      if (unparsed != nullptr) {
        io::copy_padded(line, *unparsed);
        return read_status::unparsed;
      }
      if (!parser.parse(line, lines->capacity_from(line), options.fields, doc, reason)) {
        return reject(why, file, lines->line_number(), std::move(reason));
      }
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

document_reader::document_reader(const std::vector<std::string> &inputs, reader_options options)
    : impl_(std::make_unique<impl>()) {
  impl_->files = list_input_files(inputs, options);
  impl_->options = std::move(options);
}

document_reader::document_reader(std::unique_ptr<impl> state) : impl_(std::move(state)) {
}

document_reader document_reader::over_files(std::vector<input_file> files, reader_options options) {
  auto state = std::make_unique<impl>();
  state->files = std::move(files);
  state->options = std::move(options);
  return document_reader(std::move(state));
}

document_reader::~document_reader() = default;
document_reader::document_reader(document_reader &&) noexcept = default;
document_reader &document_reader::operator=(document_reader &&) noexcept = default;

read_status document_reader::next(document &doc, rejection &why) {
  return impl_->next(doc, why, nullptr);
}

read_status document_reader::next_unparsed(document &doc, rejection &why, std::string &line) {
  return impl_->next(doc, why, &line);
}

struct record_parser::impl {
  jsonl_field_names fields;
  io::jsonl_record_parser parser;
  std::string padded; ///< a copy of a line that lacks the parser's padding
};

record_parser::record_parser(jsonl_field_names fields) : impl_(std::make_unique<impl>()) {
  impl_->fields = std::move(fields);
}
record_parser::~record_parser() = default;
record_parser::record_parser(record_parser &&) noexcept = default;
record_parser &record_parser::operator=(record_parser &&) noexcept = default;

read_status record_parser::parse(const std::string &line, document &doc, rejection &why) {
  std::string_view text = line;
  std::size_t capacity = line.capacity();
  if (capacity < line.size() + io::line_reader::padding) {
    io::copy_padded(line, impl_->padded);
    text = impl_->padded;
    capacity = impl_->padded.capacity();
  }
  std::string reason;
  if (!impl_->parser.parse(text, capacity, impl_->fields, doc, reason)) {
    why.file = doc.origin_file;
    why.line = doc.origin_line;
    why.reason = std::move(reason);
    return read_status::rejected;
  }
  return read_status::document;
}

std::uint64_t document_reader::bytes_read() const noexcept {
  return impl_->finished_bytes + (impl_->lines ? impl_->lines->bytes_read() : 0);
}

double document_reader::decompress_seconds() const noexcept {
  return static_cast<double>(impl_->decompress_nanoseconds.load(std::memory_order_relaxed)) / 1e9;
}

} // namespace wirespeed
