#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// The binary classifier: software recognised in executables and shared
// libraries by the version string compiled into them (binary_classes.cpp),
// for files no package metadata describes.
namespace kensa::scanner::binary_classifier {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::binary_classifier
