#include <kensa/source/memory_source.hpp>

#include <algorithm>

namespace kensa::source {

namespace {

class MemorySource : public Source {
 public:
  MemorySource(std::vector<MemoryFile> files, std::string subject_name, SourceOptions options)
      : m_files(std::move(files)), m_subject_name(std::move(subject_name)),
        m_options(std::move(options)) {
    // A folder is walked in sorted order; so is this.
    std::sort(m_files.begin(), m_files.end(),
              [](const MemoryFile& a, const MemoryFile& b) { return a.path < b.path; });
  }

  Status walk(EntrySink& sink) override {
    for (const auto& file : m_files) {
      const EntryInfo entry{file.path, file.path, file.contents.size(), {}};
      bool wanted = sink.wants(entry);
      if (!wanted && sink.sniffs_heads()) {
        wanted = sink.wants_head(entry, std::string_view(file.contents).substr(0, k_head_size));
      }
      if (!wanted) {
        continue;
      }
      if (file.contents.size() > m_options.limits.max_buffered_file_size) {
        sink.omit(file.path,
                  "file is " + std::to_string(file.contents.size()) + " bytes, over the limit of " +
                      std::to_string(m_options.limits.max_buffered_file_size) + "; not scanned");
        continue;
      }
      sink.receive(SourceFile{file.path, file.path, {}, file.contents});
    }
    return ok_status();
  }

  model::Component subject() const override {
    model::Component component;
    component.type = model::ComponentType::application;
    component.name = m_subject_name;
    return component;
  }

 private:
  std::vector<MemoryFile> m_files;
  std::string m_subject_name;
  SourceOptions m_options;
};

} // namespace

std::unique_ptr<Source> make_memory_source(std::vector<MemoryFile> files, std::string subject_name,
                                           SourceOptions options) {
  return std::make_unique<MemorySource>(std::move(files), std::move(subject_name),
                                        std::move(options));
}

} // namespace kensa::source
