#include "text_output.hpp"

#include <kensa/util/text_sink.hpp>

namespace kensa::format::common {

void put_text(std::ostream& out, std::string text) {
  if (auto* sink = dynamic_cast<util::TextSink*>(&out); sink != nullptr && sink->empty()) {
    sink->adopt(std::move(text));
    return;
  }
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

void put_text(std::ostream& out, util::TextSink& text) {
  if (auto* sink = dynamic_cast<util::TextSink*>(&out); sink != nullptr) {
    sink->append(text);
    return;
  }
  for (const auto piece : text.pieces()) {
    out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
  }
  text.clear();
}

} // namespace kensa::format::common
