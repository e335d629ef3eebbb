#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

// GitHub Actions workflows (.github/workflows/*.yml) and composite actions
// (action.yml with runs.using: composite).
namespace kensa::scanner::github_actions {

// Adds a component for each `uses:` of the file: in a workflow, each job's
// `uses` (a reusable workflow) and each step's; in a composite action, each
// of runs.steps. owner/repo[/path]@ref is pkg:github/owner/repo@ref (the
// path as the purl's subpath), with the comment after a pinned commit SHA
// ("# v4.1.1") as kensa:github-actions:ref-comment; docker://image is
// pkg:docker/...; ./path (an action of the same repository) is no
// component. Actions run in CI, not in the software built: scope excluded.
// A `uses` that is none of these forms is a warning naming the file and
// line; an action.yml that is not a composite action adds nothing.
void parse_workflow_file(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::github_actions
