// wirespeed.tokenize: tokens as (begin, end, kind) tuples.
#include <string>

#include "bindings.hpp"
#include "text_view.hpp"
#include "wirespeed/tokenize.hpp"

namespace py = pybind11;

namespace wirespeed::python {

void bind_tokenize(py::module_ &m) {
  m.def(
      "tokenize",
      [](const py::handle &text) {
        const text_view view(text);
        thread_local token_buffer buffer;
        tokenize_status status = tokenize_status::ok;
        {
          py::gil_scoped_release unlocked;
          status = tokenize(view.bytes(), buffer);
        }
        if (status != tokenize_status::ok) {
          throw py::value_error(std::string(to_string(status)));
        }
        py::list out;
        for (const token &t : buffer.tokens()) {
          out.append(py::make_tuple(t.begin, t.end, py::str(std::string(to_string(t.kind)))));
        }
        return out;
      },
      py::arg("text"),
      "Tokens of text as (begin, end, kind) byte offsets into its UTF-8 bytes; kind is "
      "'word', 'number', 'punct', 'symbol', 'url', 'email', 'mention' or 'hashtag'.");
}

} // namespace wirespeed::python
