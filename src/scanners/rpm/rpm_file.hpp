#pragma once

#include <kensa/util/result.hpp>

#include <string_view>

// .rpm package files: a 96-byte lead, a signature header padded to 8 bytes,
// the package header, then the compressed cpio payload. Only the header is
// read: it holds everything an installed package's database entry holds.
namespace kensa::scanner::rpm {

// Whether `contents` starts with the lead's magic (ed ab ee db).
bool is_rpm_file(std::string_view contents);

// The package header of an .rpm file as a header blob (index count, data
// length, index, data: what RpmHeader::parse reads), a view into `contents`.
// Fails when the lead or a header intro is wrong or a length runs past the
// file.
Result<std::string_view> package_header_blob(std::string_view contents);

} // namespace kensa::scanner::rpm
