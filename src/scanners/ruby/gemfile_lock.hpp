#pragma once

#include "gem.hpp"

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

#include <span>

// Gemfile.lock, as Bundler 1 and 2 write it.
namespace kensa::scanner::ruby {

// Adds every gem of the GIT, PATH and GEM sections' specs (a platform gem,
// "nokogiri (1.15.4-x86_64-linux)", as version 1.15.4 with its platform),
// an edge for each dependency listed under a spec (to every locked gem of
// that name: one per platform), the SHA-256 of CHECKSUMS, and the project:
// the gem of a PATH section whose remote is "." when there is one,
// otherwise an application named after the lockfile's folder, which
// depends on the gems of DEPENDENCIES and carries BUNDLED WITH as a
// property. A gem of the lockfile's folder that one of `gemspecs` (read
// from beside it) describes gets that gemspec's licenses, authors,
// homepage and summary, and the gemspec as evidence. Malformed lines are
// warnings naming the file and line.
void read_gemfile_lock(FileReport& report, const source::SourceFile& file,
                       std::span<const ProjectGemspec> gemspecs);

} // namespace kensa::scanner::ruby
