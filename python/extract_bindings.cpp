// wirespeed.Extractor / extract / extract_file: the extractors for Python,
// writing exactly the JSON objects `wirespeed extract` writes.
#include <pybind11/stl.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "text_view.hpp"
#include "wirespeed/extract.hpp"
#include "wirespeed/reader.hpp"

namespace py = pybind11;

namespace wirespeed::python {
namespace {

// A str field of a dict document; absent or None: empty.
std::string field(const py::dict &doc, const char *key) {
  if (!doc.contains(key) || doc[key].is_none()) {
    return {};
  }
  return std::string(text_view(doc[key]).bytes());
}

// Text must be UTF-8 without NUL bytes, as the readers guarantee extractors.
document to_document(const py::handle &object) {
  document doc;
  if (py::isinstance<py::dict>(object)) {
    const auto d = py::reinterpret_borrow<py::dict>(object);
    if (!d.contains("text")) {
      throw py::value_error("document has no 'text'");
    }
    doc.id = field(d, "id");
    doc.source = field(d, "source");
    doc.url = field(d, "url");
    doc.published = field(d, "published");
    doc.title = field(d, "title");
    doc.text = field(d, "text");
  } else {
    doc.text = std::string(text_view(object).bytes());
  }
  // Decoding checks UTF-8 and names the bad byte, as a reader would.
  py::bytes(doc.text).attr("decode")("utf-8");
  if (const std::size_t nul = doc.text.find('\0'); nul != std::string::npos) {
    throw py::value_error("document '" + doc.id + "': NUL byte at byte " + std::to_string(nul));
  }
  return doc;
}

class extractor {
public:
  explicit extractor(std::vector<std::string> pattern_files) {
    extract_options options;
    options.pattern_files = std::move(pattern_files);
    extract_error error;
    set_ = extractor_set::create(options, error);
    if (!set_) {
      throw py::value_error(error.message);
    }
  }

  [[nodiscard]] std::string json(const py::handle &object) const {
    const document doc = to_document(object);
    thread_local extract_scratch scratch;
    thread_local extraction result;
    extract_error error;
    {
      py::gil_scoped_release unlocked;
      error = set_->extract(doc, scratch, result);
    }
    if (!error.ok()) {
      throw py::value_error("document '" + doc.id + "': " + error.message);
    }
    std::string line;
    append_extraction_json(line, doc, result, {});
    return line;
  }

  // Every record of a file (JSON Lines or text, compressed or not), read by the
  // library's own reader: what `wirespeed extract FILE` prints, as a list of
  // lines or (`joined`) one string of newline-terminated lines, which saves a
  // Python object per record when the result is only written out; and the
  // rejected records as "file:line: reason".
  [[nodiscard]] py::tuple file(const std::string &path, bool joined) const {
    std::string out; // JSON Lines: a newline never occurs inside a line
    std::vector<std::string> rejections;
    {
      py::gil_scoped_release unlocked;
      extract_records(path, out, rejections, [](std::string &) {});
    }
    if (joined) {
      return py::make_tuple(py::str(out), rejections);
    }
    py::list lines;
    for (std::size_t at = 0; at < out.size();) {
      const std::size_t end = out.find('\n', at);
      lines.append(py::str(out.data() + at, end - at));
      at = end + 1;
    }
    return py::make_tuple(lines, rejections);
  }

  // The same lines written to the file `output` as they are made, so a Dask
  // worker hands back a path instead of shipping gigabytes through the
  // scheduler's connections: (records written, rejections).
  [[nodiscard]] py::tuple file_to(const std::string &path, const std::string &output) const {
    std::vector<std::string> rejections;
    std::size_t written = 0;
    {
      py::gil_scoped_release unlocked;
      std::ofstream sink(output, std::ios::binary | std::ios::trunc);
      if (!sink) {
        throw py::value_error("cannot create '" + output + "'");
      }
      const auto drain = [&](std::string &lines) {
        written += static_cast<std::size_t>(std::count(lines.begin(), lines.end(), '\n'));
        sink.write(lines.data(), static_cast<std::streamsize>(lines.size()));
        lines.clear();
      };
      std::string out;
      extract_records(path, out, rejections, [&](std::string &lines) {
        if (lines.size() >= flush_bytes) {
          drain(lines);
        }
      });
      drain(out);
      sink.close();
      if (!sink) {
        throw py::value_error("cannot write '" + output + "'");
      }
    }
    return py::make_tuple(written, rejections);
  }

private:
  static constexpr std::size_t flush_bytes = std::size_t{1} << 20;

  // Appends each record's line to `out`, calling `after_record(out)` after
  // each document; rejections as "file:line: reason".
  template <class AfterRecord>
  void extract_records(const std::string &path, std::string &out,
                       std::vector<std::string> &rejections, AfterRecord after_record) const {
    document_reader reader({path});
    const auto processor = make_extract_processor(set_, {});
    document doc;
    rejection why;
    for (read_status s; (s = reader.next(doc, why)) != read_status::end;) {
      std::string reason;
      if (s == read_status::rejected) {
        rejections.push_back(why.file + ":" + std::to_string(why.line) + ": " + why.reason);
      } else if (!processor->process(doc, out, reason)) {
        rejections.push_back(doc.origin_file + ":" + std::to_string(doc.origin_line) + ": " +
                             reason);
      } else {
        after_record(out);
      }
    }
  }

  std::shared_ptr<const extractor_set> set_;
};

const extractor &default_extractor() {
  static const extractor instance({}); // built on first use: compiling takes a moment
  return instance;
}

} // namespace

void bind_extract(py::module_ &m) {
  py::class_<extractor>(m, "Extractor", "The extractors, built once, used from any thread.")
      .def(py::init<std::vector<std::string>>(),
           py::arg("pattern_files") = std::vector<std::string>{})
      .def("extract_json", &extractor::json, py::arg("doc"),
           "The JSON object `wirespeed extract` writes for doc (a dict with 'text' and optional "
           "id/source/url/published/title, or the text itself).")
      .def(
          "extract",
          [](const extractor &e, const py::handle &doc) {
            return py::module_::import("json").attr("loads")(e.json(doc));
          },
          py::arg("doc"), "extract_json() decoded to a dict.")
      .def("extract_file", &extractor::file, py::arg("path"), py::arg("joined") = false,
           "(lines, rejections) for every record of a file, as `wirespeed extract FILE`; "
           "joined=True: the lines as one newline-terminated string.")
      .def("extract_file_to", &extractor::file_to, py::arg("path"), py::arg("output"),
           "extract_file() writing the lines to the file `output` (created or truncated) "
           "as they are made: (records written, rejections).");

  m.def(
      "extract",
      [](const py::handle &doc) {
        return py::module_::import("json").attr("loads")(default_extractor().json(doc));
      },
      py::arg("doc"), "Extractor().extract(doc) with the built-in patterns.");
  m.def(
      "extract_json", [](const py::handle &doc) { return default_extractor().json(doc); },
      py::arg("doc"));
  m.def(
      "extract_file",
      [](const std::string &path, bool joined) { return default_extractor().file(path, joined); },
      py::arg("path"), py::arg("joined") = false);
  m.def(
      "extract_file_to",
      [](const std::string &path, const std::string &output) {
        return default_extractor().file_to(path, output);
      },
      py::arg("path"), py::arg("output"));
}

} // namespace wirespeed::python
