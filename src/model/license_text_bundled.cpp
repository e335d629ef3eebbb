#include "license_text_corpus.hpp"

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

// The index written at build time by src/tools/license_index.cpp, embedded
// by kensa_embed_file (cmake/EmbedResources.cmake).
extern "C" const char kensa_license_index_begin[];
extern "C" const char kensa_license_index_end[];

namespace kensa::model::license_text {

const Corpus& Corpus::bundled() {
  static const Corpus corpus = [] {
    const std::string_view bytes(
        kensa_license_index_begin,
        static_cast<std::size_t>(kensa_license_index_end - kensa_license_index_begin));
    try {
      return Corpus::from_index(bytes);
    } catch (const std::runtime_error& error) {
      throw std::logic_error(std::string("the compiled-in license index: ") + error.what());
    }
  }();
  return corpus;
}

} // namespace kensa::model::license_text
