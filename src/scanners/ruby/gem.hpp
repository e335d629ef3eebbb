#pragma once

#include <kensa/model/component.hpp>

#include <string>
#include <vector>

// What kensa knows of one gem, whichever file said it.
namespace kensa::scanner::ruby {

// A gem another gem or a project asks for.
struct GemDependency {
  std::string name;
  // The requirement as written ("~> 2.8.0", ">= 1, < 3"); empty for any.
  std::string requirement;
  // add_development_dependency: needed to develop the gem, not to run it.
  bool development = false;
};

// Where a Gemfile.lock says a gem comes from.
enum class GemSource {
  // A gem server (GEM section); installed gems and .gem files too.
  rubygems,
  // A git repository (GIT section).
  git,
  // A folder (PATH section): the project's own code, or code beside it.
  path,
};

struct Gem {
  std::string name;
  // As RubyGems writes it, without the platform ("1.15.4").
  std::string version;
  // "x86_64-linux", "java"; empty for the default platform ("ruby").
  std::string platform;
  std::vector<std::string> licenses;
  std::vector<std::string> authors;
  std::string homepage;
  std::string summary;
  std::vector<GemDependency> dependencies;
  GemSource source = GemSource::rubygems;
  // The gem server, git repository or folder the lockfile names.
  std::string remote;
  // GIT: the commit locked.
  std::string revision;
  // The SHA-256 of the .gem file in hex (Gemfile.lock's CHECKSUMS).
  std::string sha256;
};

// A project's gemspec, as read, with the file it was read from.
struct ProjectGemspec {
  Gem gem;
  model::Evidence evidence;
};

} // namespace kensa::scanner::ruby
