#pragma once

#include "../archive_walker.hpp"

#include <kensa/source/source.hpp>

#include <string>
#include <unordered_set>

namespace kensa::source {

// Applies an image's layers the way a container runtime stacks them, reading
// layers from the top one down: a path a higher layer holds hides the same
// path below, a whiteout (".wh.<name>") deletes <name> and everything under
// it in lower layers, an opaque marker (".wh..wh..opq") hides everything
// lower layers put in its folder, and a file or link replacing a folder hides
// what was under that folder. Memory grows with the number of paths in the
// image, not with its size.
class LayerSquash {
 public:
  explicit LayerSquash(LayerScope scope) : m_scope(scope) {}

  // The filter for the next layer down. Whiteout markers are never admitted;
  // with LayerScope::all_layers everything else is.
  MemberFilter& next_layer();
  // Makes the layer just walked hide paths in the layers below it.
  void finish_layer();

 private:
  class Filter : public MemberFilter {
   public:
    explicit Filter(LayerSquash& owner) : m_owner(owner) {}
    bool admit(const std::string& path, MemberType type) override;

   private:
    LayerSquash& m_owner;
  };

  bool hidden(const std::string& path) const;

  LayerScope m_scope;
  Filter m_filter{*this};
  // From the layers above the current one.
  std::unordered_set<std::string> m_present;
  std::unordered_set<std::string> m_not_folders;
  std::unordered_set<std::string> m_deleted;
  std::unordered_set<std::string> m_opaque;
  // From the current layer, applied to lower layers only.
  std::unordered_set<std::string> m_layer_present;
  std::unordered_set<std::string> m_layer_not_folders;
  std::unordered_set<std::string> m_layer_deleted;
  std::unordered_set<std::string> m_layer_opaque;
};

} // namespace kensa::source
