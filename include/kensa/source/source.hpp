#pragma once

#include <kensa/model/component.hpp>
#include <kensa/model/hash.hpp>
#include <kensa/source/mapped_file.hpp>
#include <kensa/util/result.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// The source layer: the only code that reads the input. It walks a folder, an
// archive (and the archives inside it) or a container image once, offers
// every entry to a sink, and hands over the contents of the entries the sink
// wants. docs/sources.md describes inputs, nesting, limits and images.
namespace kensa::source {

// Caps that keep hostile input bounded. Every source honours them; each has a
// `kensa scan` flag (docs/cli.md).
struct Limits {
  // Largest file whose contents are buffered for a scanner.
  std::uint64_t max_buffered_file_size = 64ull << 20;
  // Largest file wanted for its first bytes (an executable, whose build
  // information a scanner looks for) that is read. Executables are never
  // buffered: a file on disk is mapped, an archive member larger than
  // max_buffered_file_size is copied to a temporary file first and mapped
  // from there, and only the pages a scanner reads (headers, a few
  // sections) are loaded. So this caps the temporary disk space one member
  // may take, not memory.
  std::uint64_t max_executable_size = 16ull << 30;
  // Most entries (files, folders, archive members) visited in one scan.
  std::uint64_t max_entries = 10'000'000;
  // Deepest folder nesting followed.
  std::uint32_t max_depth = 64;
  // Most archives a location may cross: "a.tar.gz!/b.war!/c.jar!/x" crosses
  // three. 0 opens no archive at all.
  std::uint32_t max_archive_depth = 8;
  // Memory that archives found inside archives may hold at once: each one is
  // read into memory to be opened, so a nested archive larger than this is
  // not opened, and neither is one that would push the total of those open
  // at the same time over it.
  std::uint64_t max_nested_archive_size = 256ull << 20;
  // Bytes decompressed over the whole scan; past it the scan stops with a
  // warning.
  std::uint64_t max_total_bytes = 32ull << 30;
  // Largest ratio of decompressed to compressed bytes an archive may show
  // once it has produced `ratio_threshold` bytes; past it the rest of that
  // archive is skipped with a warning (zip bombs).
  std::uint64_t max_compression_ratio = 200;
  std::uint64_t ratio_threshold = 64ull << 20;
};

// Bytes of an entry's head that EntrySink::wants_head is shown.
inline constexpr std::size_t k_head_size = 64;

// Which files of a container image are scanned.
enum class LayerScope {
  // What a container started from the image sees: later layers replace and
  // delete what earlier layers put there.
  squashed,
  // Every file of every layer, including those later layers replaced or
  // deleted.
  all_layers,
};

struct SourceOptions {
  // Globs (see glob.hpp) on the path relative to the scanned root; a match
  // skips the file, or the whole folder.
  std::vector<std::string> exclude;
  Limits limits;
  // Digests computed for every file as it streams past, reported through
  // EntrySink::hashed. Empty (the default) hashes nothing, which keeps scans
  // fast.
  std::vector<model::HashAlgorithm> digests;
  // Image platform to scan, "os/arch[/variant]"; empty picks the only one, or
  // linux/amd64. Ignored for inputs that are not images.
  std::string platform;
  LayerScope scope = LayerScope::squashed;
  // In a folder, stay on the file system of the scanned folder: folders
  // where another one is mounted are not entered (find -xdev). File systems
  // the kernel makes up (proc, sysfs, devtmpfs, ...) are never entered
  // below the scanned folder, whatever this says.
  bool one_file_system = false;
};

// What the sink is told about an entry before its contents are read.
struct EntryInfo {
  // Relative to the scanned root, '/'-separated; nesting written with "!/".
  std::string_view location;
  // Path inside the innermost container (the root folder, the image's file
  // system or the archive the entry sits in); scanners' globs are matched
  // against this.
  std::string_view path;
  // Size as the container states it; 0 when it does not know.
  std::uint64_t size = 0;
  // Image layer digest, empty outside images.
  std::string_view layer;
};

// An entry whose contents a scanner asked for.
struct SourceFile {
  std::string location;
  std::string path;
  std::string layer;
  std::string contents;
  // An executable wanted for its first bytes is not buffered: its bytes are
  // mapped from the file (or, for an archive member, from a temporary copy)
  // and `contents` is empty.
  std::shared_ptr<const MappedFile> mapped = nullptr;

  // The file's bytes, mapped or buffered.
  std::string_view bytes() const { return mapped ? mapped->bytes() : std::string_view(contents); }
};

// The location prefix of the container `file` sits in ("" for the scanned
// root, "release.tar.gz!/" for a member of that archive): prefix + a path in
// the same container is that path's location.
std::string_view container_prefix(const SourceFile& file);

// Receives the walk. Implemented by the scan driver.
class EntrySink {
 public:
  virtual ~EntrySink() = default;
  // Whether the contents of this entry should be read and delivered.
  virtual bool wants(const EntryInfo& entry) = 0;
  // Whether the archive `entry` (a file whose contents are an archive) is
  // opened and its members walked. True unless the scan reads only
  // installed evidence and nothing installed lives in such an archive.
  virtual bool opens_archive(const EntryInfo& entry) {
    (void)entry;
    return true;
  }
  // Executables have no fixed name, so some entries are wanted for their
  // first bytes. When this is true, sources call wants_head() with the head
  // of entries wants() declined: every archive member, and the files of a
  // folder that look executable (an execute bit, or a name ending in .exe,
  // .dll, .so or .dylib).
  virtual bool sniffs_heads() const { return false; }
  // Whether an entry is wanted after all, given its first bytes (at least
  // k_head_size of them, fewer only when the entry is shorter).
  virtual bool wants_head(const EntryInfo& entry, std::string_view head) {
    (void)entry;
    (void)head;
    return false;
  }
  // Whether an entry wants() took, larger than max_buffered_file_size, may
  // be delivered mapped (SourceFile::mapped) instead of buffered, given its
  // first bytes (as for wants_head): it then has the cap of an executable
  // wanted for its head, max_executable_size. Asked right after wants(),
  // for a file on disk when it is over the buffer cap, for an archive
  // member whatever its size (the size an archive states may be wrong).
  virtual bool maps_large(const EntryInfo& entry, std::string_view head) {
    (void)entry;
    (void)head;
    return false;
  }
  virtual void receive(SourceFile file) = 0;
  // A problem with one entry (a loop, a name that had to be cleaned): the
  // walk goes on.
  virtual void warn(std::string location, std::string message) = 0;
  // A warning about something the walk skipped or cut short (a limit
  // reached, a file or folder that cannot be read, a damaged archive): the
  // walk goes on, and the scan's document says it is incomplete.
  virtual void omit(std::string location, std::string message) {
    warn(std::move(location), std::move(message));
  }
  // Something about the walk as a whole that is no problem and loses
  // nothing the scan is for, but that the user should hear once (folders
  // left out on purpose: pseudo file systems, other file systems).
  virtual void note(std::string message) { (void)message; }
  // `location` is another name of the folder at `same_as`, in the same
  // container: a symbolic link to a folder (bin -> usr/bin), or a folder
  // reached twice. What is under it was offered once, under `same_as`. Lets
  // the scan driver match paths a package database recorded through the
  // other name.
  virtual void alias(std::string location, std::string same_as) {
    (void)location;
    (void)same_as;
  }
  // How many bytes the walk has read so far, from files and out of
  // archives: called now and then, for a progress display.
  virtual void bytes_read(std::uint64_t total) { (void)total; }
  // The digests of one file, when SourceOptions::digests asks for them.
  virtual void hashed(std::string location, std::string layer, std::vector<model::Hash> hashes) {
    (void)location;
    (void)layer;
    (void)hashes;
  }
};

// What an input is, which decides what a scan reads by default
// (docs/sources.md, "Installed and declared").
enum class SourceKind {
  // A folder: a project, a source tree, a delivery.
  folder,
  // A folder holding an operating system (an os-release file or a package
  // database, and a usr folder): a machine's /, a chroot, an unpacked image.
  root_file_system,
  // A container image (a docker save tarball, an OCI layout or archive).
  image,
  // An archive given as the input (a tarball, a jar, a .deb).
  archive,
  // Any other single file.
  file,
};

// "folder", "root file system", "image", "archive", "file".
std::string_view source_kind_name(SourceKind kind);

// An input kensa can scan.
class Source {
 public:
  virtual ~Source() = default;
  // What the input is.
  virtual SourceKind kind() const { return SourceKind::folder; }
  // Visits every entry once. Fails only when the input as a whole cannot be
  // read; problems with single entries are sink warnings.
  virtual Status walk(EntrySink& sink) = 0;
  // The component that stands for the whole input in the SBOM's metadata.
  virtual model::Component subject() const = 0;
};

// Opens `path` as the right kind of source: a folder (a project or a root
// file system), an OCI image layout folder, an image tarball (docker save,
// OCI archive), an archive, or a plain file. Fails with one clear line (and
// the CLI exits 2) when the path does not exist or cannot be read, or when an
// image has no manifest for the requested platform.
Result<std::unique_ptr<Source>> open_source(const std::filesystem::path& path,
                                            const SourceOptions& options);

} // namespace kensa::source
