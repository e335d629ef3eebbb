#include "archive_walker.hpp"
#include "file_io.hpp"
#include "walk_context.hpp"

#include <kensa/source/archive_format.hpp>
#include <kensa/source/file_source.hpp>

namespace kensa::source {

namespace fs = std::filesystem;

namespace {

class SingleFileSource : public Source {
 public:
  SingleFileSource(fs::path file, SourceOptions options)
      : m_file(std::move(file)), m_options(std::move(options)) {
    auto head = read_file_head(m_file, k_iso_sniff_size);
    m_archive = head.ok() && probe_archive_file(m_file, *head) != ArchiveProbe::not_archive;
  }

  SourceKind kind() const override { return m_archive ? SourceKind::archive : SourceKind::file; }

  Status walk(EntrySink& sink) override {
    std::string name = m_file.filename().string();
    std::error_code error;
    auto size = fs::file_size(m_file, error);
    if (error) {
      return fail("cannot read " + m_file.string() + ": " + error.message());
    }
    auto head = read_file_head(m_file, k_iso_sniff_size);
    if (!head) {
      return fail("cannot read " + m_file.string() + ": " + head.error());
    }
    WalkContext context(m_options, sink);
    context.count_entry(name);
    // A file that only looks compressed is opened too: the walk then says
    // what is wrong with it.
    bool archive = m_options.limits.max_archive_depth > 0 &&
                   probe_archive_file(m_file, *head) != ArchiveProbe::not_archive;

    bool wanted = sink.wants(EntryInfo{name, name, size, {}});
    std::uint64_t cap = m_options.limits.max_buffered_file_size;
    bool by_head = false;
    if (!wanted && sink.sniffs_heads()) {
      wanted = sink.wants_head(EntryInfo{name, name, size, {}}, *head);
      by_head = wanted;
      cap = m_options.limits.max_executable_size;
    }
    if (wanted && !by_head && size > cap &&
        sink.maps_large(EntryInfo{name, name, size, {}}, *head)) {
      by_head = true;
      cap = m_options.limits.max_executable_size;
    }
    if (wanted && size > cap) {
      sink.omit(name, "file is " + std::to_string(size) + " bytes, over the limit of " +
                          std::to_string(cap) + "; not scanned");
    } else if (wanted && by_head) {
      // An executable is mapped, not read (see Limits::max_executable_size).
      auto mapped = map_file(m_file, size);
      if (!mapped) {
        return fail("cannot read " + m_file.string() + ": " + mapped.error());
      }
      SourceFile file{name, name, {}, {}};
      file.mapped = std::move(mapped).value();
      sink.receive(std::move(file));
    } else if (wanted) {
      auto contents = read_regular_file(m_file, size);
      if (!contents) {
        return fail("cannot read " + m_file.string() + ": " + contents.error());
      }
      sink.receive(SourceFile{name, name, {}, std::move(contents).value()});
    }
    if (auto hasher = context.make_hasher()) {
      if (auto status = hash_file(m_file, *hasher); !status) {
        return fail("cannot read " + m_file.string() + ": " + status.error());
      }
      m_hashes = hasher->finish();
      sink.hashed(name, {}, m_hashes);
    }
    if (archive && sink.opens_archive(EntryInfo{name, name, size, {}}) &&
        context.may_open_archive(name)) {
      ArchiveWalker(context).walk_file(m_file, name, 1);
    }
    context.finish();
    return ok_status();
  }

  model::Component subject() const override {
    model::Component component;
    component.type = model::ComponentType::file;
    component.name = m_file.filename().string();
    component.hashes = m_hashes;
    return component;
  }

 private:
  fs::path m_file;
  SourceOptions m_options;
  std::vector<model::Hash> m_hashes;
  bool m_archive = false;
};

} // namespace

std::unique_ptr<Source> make_single_file_source(fs::path file, SourceOptions options) {
  return std::make_unique<SingleFileSource>(std::move(file), std::move(options));
}

} // namespace kensa::source
