#pragma once

#include "python_component.hpp"

#include <string>
#include <string_view>
#include <vector>

// direct_url.json (PEP 610): where a package installed from a URL, a VCS
// or a local folder came from.
namespace kensa::scanner::python {

// Adds what `json` says to `facts`: a vcs or distribution reference, the
// archive's hashes, the commit, the editable flag, the URL as a source
// property. Problems are appended to `problems`.
void read_direct_url(std::string_view json, PackageFacts& facts,
                     std::vector<std::string>& problems);

} // namespace kensa::scanner::python
