#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

// environment.yml, the packages a conda environment is created from
// (`conda env create -f environment.yml`).
namespace kensa::scanner::conda {

// Adds a component per `dependencies` entry: a conda match spec
// ("numpy", "python=3.10.*", "conda-forge::pandas==2.1.0") as a conda
// package, and each entry of a `pip:` sub-list as a PyPI package, each
// with its requirement as written. The version is the exact one a spec
// pins (`==1.2.3`, `=1.2.3=build`), none otherwise. All are direct
// dependencies of the environment: a root named by `name:` (else the
// file's folder). Malformed YAML or entries are warnings naming the file.
void parse_environment_yml(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::conda
