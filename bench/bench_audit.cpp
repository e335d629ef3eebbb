// `kensa diff` and `kensa merge` on two documents of 100,000 components
// (tests/support/chain_document.hpp): the old release as CycloneDX JSON, the
// new one as SPDX 2.3 JSON with one component in ten at a later version,
// one in a hundred gone and as many added. Each iteration does what the
// command does: read both texts, diff (and render the text report) or
// merge (and write CycloneDX JSON). Targets: diff under 2 s, merge under
// 3 s (docs/cli.md, "Speed of diff, verify and merge").
#include "chain_document.hpp"

#include <kensa/audit/diff.hpp>
#include <kensa/audit/diff_report.hpp>
#include <kensa/audit/merge.hpp>
#include <kensa/format/output_spec.hpp>
#include <kensa/format/reader.hpp>
#include <kensa/model/graph.hpp>

#include <benchmark/benchmark.h>

#include <optional>
#include <string>
#include <unordered_map>

using namespace kensa;

namespace {

constexpr std::size_t k_audit_components = 100'000;

// The next release of chain_document(count): versions bumped, some
// packages dropped and others added, the chain of edges kept.
model::Document next_release(const model::Document& old_document) {
  model::ComponentGraph graph;
  std::unordered_map<std::string, std::string> new_id;
  std::size_t index = 0;
  for (const auto& original : old_document.components) {
    ++index;
    if (index % 100 == 0) {
      continue;
    }
    model::Component component = original;
    component.id.clear();
    if (index % 10 == 0) {
      component.version = "9." + component.version;
      component.purl = "pkg:npm/" + component.name + "@" + component.version;
    }
    new_id[original.id] = graph.add(std::move(component));
  }
  for (std::size_t added = 0; added < old_document.components.size() / 100; ++added) {
    model::Component component;
    component.ecosystem = "npm";
    component.name = "new-package-" + std::to_string(added);
    component.version = "1.0.0";
    component.purl = "pkg:npm/" + component.name + "@1.0.0";
    graph.add(std::move(component));
  }
  for (const auto& relationship : old_document.relationships) {
    auto from = new_id.find(relationship.from);
    auto to = new_id.find(relationship.to);
    if (from != new_id.end() && to != new_id.end()) {
      graph.relate(from->second, to->second, relationship.type);
    }
  }
  return std::move(graph).finish(old_document.metadata);
}

struct Releases {
  std::string old_text;
  std::string new_text;
};

const Releases& releases() {
  static const Releases texts = [] {
    const model::Document old_document = testing::chain_document(k_audit_components);
    Releases made;
    made.old_text = format::render(old_document, *format::parse_output_spec("cyclonedx-json@1.6"));
    made.new_text =
        format::render(next_release(old_document), *format::parse_output_spec("spdx-json@2.3"));
    return made;
  }();
  return texts;
}

// Both releases read back, as the commands read them; nullopt (and the
// benchmark skipped) when either cannot be read.
struct ReadReleases {
  format::ReadDocument before;
  format::ReadDocument after;
};

std::optional<ReadReleases> read_releases(benchmark::State& state) {
  const Releases& texts = releases();
  auto before = format::read_document(texts.old_text, "old.cdx.json");
  auto after = format::read_document(texts.new_text, "new.spdx.json");
  if (!before || !after) {
    state.SkipWithError("cannot read a release");
    return std::nullopt;
  }
  return ReadReleases{std::move(*before), std::move(*after)};
}

void diff_releases(benchmark::State& state) {
  std::size_t changes = 0;
  for (auto _ : state) {
    auto read = read_releases(state);
    if (!read) {
      break;
    }
    const auto result = audit::diff_documents(read->before.document, read->after.document);
    const std::string report = audit::render_diff(
        result, {"old", "CycloneDX 1.6"}, {"new", "SPDX 2.3"}, audit::DiffReportFormat::text);
    changes = result.changes.size();
    benchmark::DoNotOptimize(report.data());
  }
  state.counters["changes"] = static_cast<double>(changes);
}

void merge_releases(benchmark::State& state) {
  const auto spec = format::parse_output_spec("cyclonedx-json@1.6");
  std::size_t components = 0;
  for (auto _ : state) {
    auto read = read_releases(state);
    if (!read) {
      break;
    }
    const std::vector<audit::MergeInput> inputs{{"old.cdx.json", &read->before.document},
                                                {"new.spdx.json", &read->after.document}};
    const model::Document merged = audit::merge_documents(inputs, {});
    const std::string text = format::render(merged, *spec);
    components = merged.components.size();
    benchmark::DoNotOptimize(text.data());
  }
  state.counters["components"] = static_cast<double>(components);
}

// The comparison alone, on documents already read.
void diff_read_releases(benchmark::State& state) {
  auto read = read_releases(state);
  if (!read) {
    return;
  }
  for (auto _ : state) {
    const auto result = audit::diff_documents(read->before.document, read->after.document);
    benchmark::DoNotOptimize(result.changes.data());
  }
}

// The merge alone, on documents already read, without writing.
void merge_read_releases(benchmark::State& state) {
  auto read = read_releases(state);
  if (!read) {
    return;
  }
  const std::vector<audit::MergeInput> inputs{{"old.cdx.json", &read->before.document},
                                              {"new.spdx.json", &read->after.document}};
  for (auto _ : state) {
    const model::Document merged = audit::merge_documents(inputs, {});
    benchmark::DoNotOptimize(merged.components.data());
  }
}

} // namespace

BENCHMARK(diff_read_releases)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(merge_read_releases)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(diff_releases)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(merge_releases)->Unit(benchmark::kMillisecond)->Iterations(3);
