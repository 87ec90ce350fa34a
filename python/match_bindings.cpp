// wirespeed.PatternSet / Database / compile: the matcher for Python.
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "bindings.hpp"
#include "text_view.hpp"
#include "wirespeed/match.hpp"

namespace py = pybind11;
namespace wm = wirespeed::match;

namespace wirespeed::python {
namespace {

[[noreturn]] void raise(const wm::error &e) {
  if (e.code == wm::error_code::io_error) {
    PyErr_SetString(PyExc_OSError, e.message.c_str());
    throw py::error_already_set();
  }
  throw py::value_error(e.message);
}

wm::pattern_options options(unsigned flags, std::string label, std::uint32_t tag) {
  if ((flags & ~7u) != 0) {
    throw py::value_error("unknown flag bits " + std::to_string(flags & ~7u));
  }
  wm::pattern_options o;
  o.flags = static_cast<wm::flag>(flags);
  o.label = std::move(label);
  o.tag = tag;
  return o;
}

wm::database compiled(const wm::pattern_set &set) {
  wm::database db;
  wm::error e;
  {
    py::gil_scoped_release unlocked; // compiling thousands of patterns takes a while
    e = db.compile(set);
  }
  if (!e.ok()) {
    raise(e);
  }
  return db;
}

// What scan() returns: the matches as the C++ vector they were scanned into,
// so Python pays one object per scan, not one tuple per match. It reads as a
// sequence of (id, begin, end) tuples and exports its rows (id, tag, begin,
// end) through the buffer protocol for NumPy and memoryview.
struct match_list {
  std::vector<wm::match> items;
};

py::tuple span(const wm::match &m) {
  return py::make_tuple(m.id, m.begin, m.end);
}

py::list to_list(const match_list &found) {
  py::list out(found.items.size());
  for (std::size_t i = 0; i < found.items.size(); ++i) {
    out[i] = span(found.items[i]);
  }
  return out;
}

match_list scan(const wm::database &db, const py::handle &text, bool leftmost_longest) {
  const text_view view(text);
  thread_local wm::scratch scratch; // one per thread, as match.hpp asks
  match_list found;
  wm::error e;
  {
    py::gil_scoped_release unlocked;
    e = db.scan(view.bytes(), scratch, found.items,
                leftmost_longest ? wm::scan_mode::leftmost_longest : wm::scan_mode::all);
  }
  if (!e.ok()) {
    raise(e);
  }
  return found;
}

void bind_match_list(py::module_ &m) {
  static_assert(sizeof(wm::match) == 24, "buffer rows are u32 id, u32 tag, u64 begin, u64 end");
  py::class_<match_list>(m, "Matches", py::buffer_protocol(),
                         "Matches of one scan: a sequence of (id, begin, end) tuples.")
      .def("__len__", [](const match_list &found) { return found.items.size(); })
      .def("__getitem__",
           [](const match_list &found, std::ptrdiff_t i) {
             const auto n = static_cast<std::ptrdiff_t>(found.items.size());
             if (i < -n || i >= n) {
               throw py::index_error("match index out of range");
             }
             return span(found.items[static_cast<std::size_t>(i < 0 ? i + n : i)]);
           })
      .def("__iter__", [](const match_list &found) { return py::iter(to_list(found)); })
      .def("tolist", &to_list, "The matches as a list of (id, begin, end) tuples.")
      .def("__eq__", [](const match_list &found,
                        const py::object &other) { return to_list(found).equal(other); })
      .def("__repr__",
           [](const match_list &found) {
             return "Matches(" + std::string(py::repr(to_list(found))) + ")";
           })
      .def_buffer([](match_list &found) {
        return py::buffer_info(found.items.data(), sizeof(wm::match),
                               "T{I:id:I:tag:Q:begin:Q:end:}", 1, {found.items.size()},
                               {sizeof(wm::match)});
      });
}

py::bytes serialized(const wm::database &db) {
  std::string bytes;
  if (wm::error e = db.serialize(bytes); !e.ok()) {
    raise(e);
  }
  return py::bytes(bytes);
}

wm::database loaded(const py::handle &bytes) {
  const text_view view(bytes);
  wm::database db;
  if (wm::error e = db.deserialize(view.bytes()); !e.ok()) {
    raise(e);
  }
  return db;
}

} // namespace

void bind_match(py::module_ &m) {
  bind_match_list(m);
  m.attr("CASELESS") = static_cast<unsigned>(wm::flag::caseless);
  m.attr("WHOLE_WORD") = static_cast<unsigned>(wm::flag::whole_word);
  m.attr("UTF8") = static_cast<unsigned>(wm::flag::utf8);

  py::class_<wm::database>(m, "Database", "A compiled, immutable pattern database.")
      .def("scan", &scan, py::arg("text"), py::arg("leftmost_longest") = false,
           "Matches in text (str: offsets into its UTF-8 bytes; bytes-like: not copied), a "
           "sequence of (id, begin, end) tuples; the GIL is released while scanning.")
      .def("label", [](const wm::database &db, std::uint32_t id) { return db.at(id).label; })
      .def("tag", [](const wm::database &db, std::uint32_t id) { return db.at(id).tag; })
      .def("__len__", &wm::database::size)
      .def_property_readonly("requires_utf8", &wm::database::requires_utf8)
      .def("serialize", &serialized, "The compiled form, for Database.load() without compiling.")
      .def_static("load", &loaded, py::arg("data"))
      .def(py::pickle(&serialized, [](const py::bytes &b) { return loaded(b); }));

  py::class_<wm::pattern_set>(m, "PatternSet", "Patterns to compile into one Database.")
      .def(py::init<>())
      .def(
          "add_literal",
          [](wm::pattern_set &set, const py::handle &text, unsigned flags, std::string label,
             std::uint32_t tag) {
            return set.add_literal(text_view(text).bytes(), options(flags, std::move(label), tag));
          },
          py::arg("text"), py::arg("flags") = 0, py::arg("label") = "", py::arg("tag") = 0)
      .def(
          "add_regex",
          [](wm::pattern_set &set, const py::handle &expression, unsigned flags, std::string label,
             std::uint32_t tag) {
            return set.add_regex(text_view(expression).bytes(),
                                 options(flags, std::move(label), tag));
          },
          py::arg("expression"), py::arg("flags") = 0, py::arg("label") = "", py::arg("tag") = 0)
      .def(
          "load_file",
          [](wm::pattern_set &set, const std::string &path, unsigned flags, std::string label,
             std::uint32_t tag) {
            const wm::load_result r = set.load_file(path, options(flags, std::move(label), tag));
            if (!r.ok()) {
              raise(r.err);
            }
            return py::module_::import("builtins")
                .attr("range")(r.ids.first, r.ids.first + r.ids.count);
          },
          py::arg("path"), py::arg("flags") = 0, py::arg("label") = "", py::arg("tag") = 0,
          "Adds a pattern file's patterns (label<TAB>pattern, re: regexes); returns their ids.")
      .def("__len__", &wm::pattern_set::size)
      .def("compile", &compiled);

  m.def(
      "compile",
      [](const std::vector<std::string> &patterns, unsigned flags, bool regex) {
        wm::pattern_set set;
        for (const std::string &p : patterns) {
          regex ? set.add_regex(p, options(flags, {}, 0))
                : set.add_literal(p, options(flags, {}, 0));
        }
        return compiled(set);
      },
      py::arg("patterns"), py::arg("flags") = 0, py::arg("regex") = false,
      "Compiles a list of literals (or regexes, regex=True); pattern i has id i.");
}

} // namespace wirespeed::python
