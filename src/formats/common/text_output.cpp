#include "text_output.hpp"

#include <sstream>

namespace kensa::format::common {

void put_text(std::ostream& out, std::string text) {
  auto* string_out = dynamic_cast<std::ostringstream*>(&out);
  if (string_out != nullptr && string_out->tellp() == std::streampos(0)) {
    string_out->str(std::move(text));
    // Later writes go after the text, as they would after `out << text`.
    string_out->seekp(0, std::ios_base::end);
    return;
  }
  out << text;
}

} // namespace kensa::format::common
