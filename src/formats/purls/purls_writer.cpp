#include "purls_writer.hpp"

#include <set>
#include <string>

namespace kensa::format::purls {

void write_purls(const model::Document& document, std::string_view, std::ostream& out,
                 LossReport& losses) {
  std::set<std::string_view> purls;
  std::size_t without = 0;
  for (const auto& component : document.components) {
    // A purl read from a foreign document could hold a line break, which
    // would split it into two lines here.
    if (component.purl.empty() || component.purl.find_first_of("\r\n") != std::string::npos) {
      ++without;
    } else {
      purls.insert(component.purl);
    }
  }
  for (auto purl : purls) {
    out << purl << '\n';
  }
  losses.add("components without a purl", without);
}

} // namespace kensa::format::purls
