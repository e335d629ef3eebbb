#pragma once

#include <kensa/scanner/problem_list.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// What Portage's installed package database (the "vdb",
// var/db/pkg/<category>/<name>-<version>/) says about one package: one small
// file per field.
namespace kensa::scanner::portage {

struct PortagePackage {
  std::string category;    // CATEGORY, else the folder above the package's
  std::string name;        // PN: from PF, else the package's folder name
  std::string version;     // PVR: "4.4_p23-r1", as written
  std::string slot;        // SLOT: "0", "3.11/3.11" (slot/sub-slot)
  std::string license;     // LICENSE: Gentoo's syntax ("GPL-2 || ( MIT BSD )")
  std::string repository;  // repository: "gentoo"
  std::string size;        // SIZE: installed size, bytes
  std::string description; // DESCRIPTION
  std::string homepage;    // HOMEPAGE: URLs, blank-separated
  std::string rdepend;     // RDEPEND: run-time dependency atoms
  // CONTENTS: the root-relative paths of the files ("obj") and symbolic
  // links ("sym") installed, and the MD5 of each obj line (empty for links).
  std::vector<std::string> files;
  std::vector<std::string> file_md5s;
};

// Most CONTENTS lines and dependency atoms read.
inline constexpr std::size_t k_max_contents = 1'000'000;
inline constexpr std::size_t k_max_atoms = 100'000;

// "bash-4.4_p23-r1" -> {"bash", "4.4_p23-r1"}: the name ends at the first
// '-' after which the rest is a whole version in the package manager
// specification's syntax (digits and dots, an optional letter, _alpha, _beta,
// _pre, _rc or _p suffixes, an -r revision). nullopt when there is none.
struct NameVersion {
  std::string name;
  std::string version;
};
std::optional<NameVersion> split_name_version(std::string_view text);

// Reads CONTENTS into `package.files` and `file_md5s`; problems ("line 4: not
// obj, sym, dir, fif or dev") go to `problems`.
void parse_contents(std::string_view text, PortagePackage& package, ProblemList& problems);

// One package an RDEPEND names: "sys-libs/ncurses" and the slot asked for
// (empty for any).
struct DependencyAtom {
  std::string package;
  std::string slot;
};

// The packages an RDEPEND string names. USE conditionals ("ssl?") and the
// groups' parentheses are dropped, each alternative of "|| ( a b )" is kept
// (the graph links those installed), blockers ("!foo", "!!foo") are not
// dependencies; operators, versions, "*", USE dependencies ("[abi_x86_64]")
// and slot operators (":=", ":0/6=") are taken off. Tokens that are not atoms
// go to `problems`.
std::vector<DependencyAtom> parse_dependencies(std::string_view text, ProblemList& problems);

} // namespace kensa::scanner::portage
