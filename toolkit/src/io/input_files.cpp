// Turns the inputs a user names (files, directories, "-") into the list of
// files to read, in the order they are read: directories are walked
// recursively, sorted, hidden entries and unknown kinds left out, --glob
// applied.
#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "io/file_names.hpp"
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

bool is_known_name(const std::string &path) {
  return io::is_jsonl_name(path) || format_extension(path) == ".txt";
}

bool matches_any(const std::vector<std::string> &globs, const std::string &relative) {
  return std::any_of(globs.begin(), globs.end(), [&](const std::string &glob) {
    return ::fnmatch(glob.c_str(), relative.c_str(), 0) == 0;
  });
}

/// The directory's files, sorted so runs are reproducible; a directory that
/// cannot be read or holds nothing to read is one entry with its error.
void list_directory(const std::string &dir, const reader_options &options,
                    std::vector<input_file> &out) {
  std::vector<input_file> found;
  std::error_code error;
  const fs::path root(dir);
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    const fs::path &path = it->path();
    if (path.filename().string().starts_with('.')) { // .git, editor backups
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
    std::string relative = path.lexically_relative(root).generic_string();
    if (!options.globs.empty() && !matches_any(options.globs, relative)) {
      continue;
    }
    std::error_code size_error;
    const std::uintmax_t size = it->file_size(size_error);
    found.push_back({path.string(), std::move(relative), size_error ? 0 : size, {}});
  }
  if (error) {
    out.push_back({dir, {}, 0, "cannot read directory: " + error.message()});
    return;
  }
  if (found.empty()) {
    out.push_back({dir,
                   {},
                   0,
                   options.globs.empty()
                       ? "no .txt or .jsonl files (or .gz/.zst of them) in directory"
                       : "no .txt or .jsonl files (or .gz/.zst of them) matching --glob in "
                         "directory"});
    return;
  }
  std::sort(found.begin(), found.end(),
            [](const input_file &a, const input_file &b) { return a.id < b.id; });
  out.insert(out.end(), std::make_move_iterator(found.begin()),
             std::make_move_iterator(found.end()));
}

} // namespace

namespace io {

bool is_jsonl_name(const std::string &path) {
  const std::string ext = format_extension(path);
  return ext == ".jsonl" || ext == ".json" || ext == ".ndjson";
}

} // namespace io

std::vector<input_file> list_input_files(const std::vector<std::string> &inputs,
                                         const reader_options &options) {
  std::vector<input_file> files;
  for (const std::string &path : inputs) {
    std::error_code error;
    if (path == "-") {
      files.push_back({path, path, 0, {}});
    } else if (fs::is_directory(path, error)) {
      list_directory(path, options, files);
    } else {
      const std::uintmax_t size = fs::file_size(path, error);
      files.push_back({path, fs::path(path).filename().string(), error ? 0 : size, {}});
    }
  }
  return files;
}

} // namespace wirespeed
