#include "lockfiles.hpp"

#include <kensa/scanner/file_report.hpp>
#include <kensa/util/glob.hpp>
#include <kensa/util/path_text.hpp>

namespace kensa::scanner::python {

void add_prefixed_hash(PackageFacts& facts, std::string_view text, std::string_view where,
                       FileReport& warnings) {
  std::string problem;
  if (auto hash = parse_prefixed_hex_hash(text, ':', problem)) {
    facts.add_hash(std::move(*hash));
  } else {
    warnings.warn(std::string(where) + ": " + problem);
  }
}

LockReader lock_reader_for(std::string_view file_name) {
  if (file_name == "poetry.lock") {
    return &read_poetry_lock;
  }
  if (file_name == "uv.lock") {
    return &read_uv_lock;
  }
  if (file_name == "pdm.lock") {
    return &read_pdm_lock;
  }
  if (file_name == "Pipfile.lock") {
    return &read_pipfile_lock;
  }
  // PEP 751: "pylock.toml" or "pylock.<name>.toml".
  if (file_name == "pylock.toml" || glob_match("pylock.*.toml", file_name)) {
    return &read_pylock;
  }
  return nullptr;
}

} // namespace kensa::scanner::python
