#include "rust_scanner.hpp"

#include "../common/binary/executable.hpp"
#include "auditable.hpp"
#include "cargo_lock.hpp"

#include <kensa/scanner/file_report.hpp>
#include <kensa/util/glob.hpp>

#include <exception>

namespace kensa::scanner::rust {

namespace {

class RustScanner : public Scanner {
 public:
  std::span<const FilePattern> patterns() const override { return m_patterns; }

  const ContentRule* content_rule() const override { return &k_rule; }

  void scan(ScanContext& context, std::span<const source::SourceFile> files) override {
    for (const auto& file : files) {
      FileReport report(context, file);
      read_guarded(report, [&] {
        if (glob_match(m_patterns.front().glob, file.path)) {
          parse_cargo_lock(report, file);
        } else {
          add_auditable_crates(report, file);
        }
      });
    }
  }

 private:
  static constexpr ContentRule k_rule{&binary::looks_like_executable, &condense_auditable_binary};
  std::vector<FilePattern> m_patterns = patterns_of_kind({"**/Cargo.lock"}, EvidenceKind::declared);
};

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<RustScanner>();
}

} // namespace kensa::scanner::rust
