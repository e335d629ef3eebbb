#include "../archive_walker.hpp"
#include "../walk_context.hpp"
#include "image_plan.hpp"
#include "image_store.hpp"
#include "layer_squash.hpp"

#include <kensa/model/purl.hpp>
#include <kensa/source/image_source.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kensa::source {

namespace fs = std::filesystem;

namespace {

class ImageSource : public Source {
 public:
  ImageSource(std::unique_ptr<ImageStore> store, ImagePlan plan, std::string input_name,
              SourceOptions options)
      : m_store(std::move(store)), m_plan(std::move(plan)), m_input_name(std::move(input_name)),
        m_options(std::move(options)) {}

  Status walk(EntrySink& sink) override {
    WalkContext context(m_options, sink);
    ArchiveWalker walker(context);
    LayerSquash squash(m_options.scope);
    // Squashing needs the top layer first: what it holds or deletes decides
    // what the layers below still show.
    std::vector<const ImageLayer*> order;
    for (const auto& layer : m_plan.layers) {
      order.push_back(&layer);
    }
    if (m_options.scope == LayerScope::squashed) {
      std::reverse(order.begin(), order.end());
    }
    for (const ImageLayer* layer : order) {
      if (context.stopped()) {
        break;
      }
      if (!context.may_open_archive(layer->path)) {
        continue;
      }
      spdlog::debug("image layer {} ({})", layer->digest, layer->path);
      MemberFilter& filter = squash.next_layer();
      auto walked = m_store->with_blob(layer->path, [&](ArchiveReader& reader) {
        walker.walk(reader, layer->path, "", 0, layer->digest, &filter);
      });
      if (!walked) {
        sink.omit(layer->path, "cannot read image layer: " + walked.error());
      }
      squash.finish_layer();
    }
    context.finish();
    return ok_status();
  }

  SourceKind kind() const override { return SourceKind::image; }

  model::Component subject() const override {
    model::Component component;
    component.type = model::ComponentType::container;
    component.name = m_plan.name.empty() ? m_input_name : m_plan.name;
    component.version = m_plan.tag;
    const std::string& digest = m_plan.manifest_digest;
    if (digest.starts_with("sha256:") && digest.size() == 7 + 64) {
      component.hashes.push_back(model::Hash{model::HashAlgorithm::sha256, digest.substr(7)});
      component.version = m_plan.tag.empty() ? digest : m_plan.tag;
      std::string last = component.name.substr(component.name.rfind('/') + 1);
      std::string repository = component.name.find('/') == std::string::npos ? "" : component.name;
      auto purl = model::make_purl("oci", "", last, digest,
                                   {{"arch", m_plan.platform.architecture},
                                    {"repository_url", repository},
                                    {"tag", m_plan.tag}});
      if (purl) {
        component.purl = purl->to_string();
      }
    }
    component.add_property("kensa:image:os", m_plan.platform.os);
    component.add_property("kensa:image:architecture", m_plan.platform.architecture);
    if (!m_plan.platform.variant.empty()) {
      component.add_property("kensa:image:variant", m_plan.platform.variant);
    }
    if (!digest.empty()) {
      component.add_property("kensa:image:manifest-digest", digest);
    }
    if (!m_plan.config_digest.empty()) {
      component.add_property("kensa:image:config-digest", m_plan.config_digest);
    }
    component.add_property("kensa:image:scope",
                           m_options.scope == LayerScope::squashed ? "squashed" : "all-layers");
    for (std::size_t i = 0; i < m_plan.layers.size(); ++i) {
      component.add_property("kensa:image:layer:" + std::to_string(i), m_plan.layers[i].digest);
    }
    for (const auto& [key, value] : m_plan.labels) {
      component.add_property("kensa:image:label:" + key, value);
    }
    return component;
  }

 private:
  std::unique_ptr<ImageStore> m_store;
  ImagePlan m_plan;
  std::string m_input_name;
  SourceOptions m_options;
};

Result<std::unique_ptr<Source>> open_image(std::unique_ptr<ImageStore> store, const fs::path& input,
                                           const SourceOptions& options) {
  auto plan = plan_image(*store, options.platform);
  if (!plan) {
    return fail("cannot scan image " + input.string() + ": " + plan.error());
  }
  return std::unique_ptr<Source>(std::make_unique<ImageSource>(
      std::move(store), std::move(plan).value(), input.filename().string(), options));
}

} // namespace

bool is_image_folder(const fs::path& folder) {
  auto store = make_folder_store(folder);
  return has_image_layout(*store);
}

Result<std::unique_ptr<Source>> open_image_folder(const fs::path& folder,
                                                  const SourceOptions& options) {
  return open_image(make_folder_store(folder), folder, options);
}

Result<std::unique_ptr<Source>> open_image_tarball(const fs::path& tarball,
                                                   const SourceOptions& options) {
  if (!tarball_looks_like_image(tarball)) {
    return std::unique_ptr<Source>();
  }
  auto store = make_tarball_store(tarball);
  if (!store || !has_image_layout(**store)) {
    return std::unique_ptr<Source>();
  }
  return open_image(std::move(store).value(), tarball, options);
}

} // namespace kensa::source
