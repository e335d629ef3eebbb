#pragma once

#include <kensa/model/component.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kensa::model {

enum class RelationshipType {
  // `from` needs `to` at run time.
  depends_on,
  // `from` needs `to` only to develop or test.
  dev_depends_on,
  // `from` uses `to` when it is present.
  optional_depends_on,
  // `from` physically holds `to` (an archive and the jar inside it).
  contains,
  // The document's subject describes `to` (the root application of a project).
  describes,
};

std::string_view relationship_type_name(RelationshipType type);

// A directed edge between two components, by component id.
struct Relationship {
  std::string from;
  std::string to;
  RelationshipType type = RelationshipType::depends_on;

  auto operator<=>(const Relationship&) const = default;
};

// A file of the scanned input (with --files), optionally owned by components.
struct FileEntry {
  // Same notation as Evidence::location.
  std::string path;
  std::vector<Hash> hashes;
  // Ids of the components that own the file (from dpkg .list, RECORD, ...).
  std::vector<std::string> owner_ids;

  auto operator<=>(const FileEntry&) const = default;
};

struct Tool {
  std::string vendor;
  std::string name;
  std::string version;
};

// How much a scan could see; recorded so formats can state completeness
// honestly instead of claiming it.
enum class Completeness { unknown, incomplete, complete };

// Something a scan skipped or cut short, so that what it found is not all
// there is: a limit reached, a file or folder that could not be read, a file
// no scanner could parse, a file over the size limit.
struct Omission {
  // The place concerned, in Evidence::location notation; empty for the input
  // as a whole.
  std::string location;
  // What was left out and why ("file is 70000000 bytes, over the limit of
  // 67108864; not scanned").
  std::string reason;

  auto operator<=>(const Omission&) const = default;
};

// Most omissions a document names; the others are only counted
// (DocumentMetadata::omitted).
inline constexpr std::size_t k_max_named_omissions = 100;

struct DocumentMetadata {
  // RFC 3339 UTC ("2024-01-02T03:04:05Z"). From SOURCE_DATE_EPOCH when set.
  std::string timestamp;
  std::vector<Tool> tools;
  std::vector<Party> authors;
  // What was scanned: the folder, archive or image.
  std::optional<Component> subject;
  // CycloneDX lifecycle phase ("build", "post-build", ...), empty when unknown.
  std::string lifecycle;
  Completeness completeness = Completeness::unknown;
  // Why the document is incomplete: the first k_max_named_omissions places a
  // scan skipped or cut short, sorted. Writers state them (CycloneDX
  // metadata properties, an SPDX annotation); docs/formats.md.
  std::vector<Omission> omissions;
  // How many omissions there were in all, named or not.
  std::uint64_t omitted = 0;
  // Document-level facts the fields above do not hold (CycloneDX
  // metadata.properties, what a reader kept from a foreign document), sorted
  // by the writers.
  std::vector<Property> properties;
};

// Severity of a diagnostic raised while producing or reading a document.
enum class Severity { info, warning, error };

// Something a scanner or reader noticed, tied to a file.
struct Diagnostic {
  Severity severity = Severity::warning;
  // The file concerned, in Evidence::location notation.
  std::string location;
  std::string message;

  auto operator<=>(const Diagnostic&) const = default;
};

// The normalized component graph: what every scanner feeds and every writer
// reads. Components, relationships and files are sorted (see
// ComponentGraph::finish) so that serializations are deterministic.
struct Document {
  DocumentMetadata metadata;
  std::vector<Component> components;
  std::vector<Relationship> relationships;
  std::vector<FileEntry> files;
  std::vector<Diagnostic> diagnostics;

  // The component with `id`, or nullptr.
  const Component* find(std::string_view id) const;
};

} // namespace kensa::model
