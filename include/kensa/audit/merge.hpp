#pragma once

#include <kensa/model/document.hpp>

#include <memory>
#include <span>
#include <string>

// `kensa merge` as a library: several SBOMs of any formats as one document
// (docs/cli.md, "kensa merge").
namespace kensa::audit {

// One document to merge, and the name its values are credited to when
// they conflict with another's.
struct MergeInput {
  std::string name;
  const model::Document* document = nullptr;
};

struct MergeOptions {
  // Keep each input as an assembly: its subject (or a component named
  // after it) CONTAINS its components, and the merged subject contains the
  // assemblies.
  bool hierarchical = false;
  // The merged subject's name and version; empty: the first input's
  // subject (flat), or "merged" (hierarchical).
  std::string source_name;
  std::string source_version;
};

// Merges documents one at a time, so that each can be freed once it is
// merged: what merge_documents() does, for inputs too many or too big to
// hold at once.
class DocumentMerger {
 public:
  explicit DocumentMerger(MergeOptions options);
  ~DocumentMerger();
  DocumentMerger(const DocumentMerger&) = delete;
  DocumentMerger& operator=(const DocumentMerger&) = delete;

  // Merges `input` (its document need not outlive the call). The first
  // input gives the timestamp and the subject.
  void add(const MergeInput& input);
  // The same for a document the caller hands over: its components,
  // relationships and files are moved into the merge instead of copied.
  // `document` is left valid but unspecified.
  void add(const std::string& name, model::Document&& document);
  // The merged document; nothing may be added after.
  model::Document finish() &&;

 private:
  // What add() takes from an input before its contents: metadata, subject
  // and, in a hierarchical merge, its assembly.
  void add_metadata_of(const MergeInput& input);

  struct State;
  std::unique_ptr<State> m_state;
};

// Merges `inputs`, in order. Components with the same purl (or, without
// one, the same type, group, name, version and first location) are one:
// their evidence, licenses, hashes, properties and links are united, empty
// fields filled, and a value two inputs give differently (a supplier, a
// description, two digests of one algorithm) is kept as a
// "kensa:merge:conflict:<field>" property naming each value's input. The
// dependency graphs are united; the result is incomplete when an input
// is, with every input's omissions; metadata (timestamp, lifecycle) comes
// from the first input, tools and authors from all. Merging a document
// with itself gives it back unchanged.
model::Document merge_documents(std::span<const MergeInput> inputs, const MergeOptions& options);

} // namespace kensa::audit
