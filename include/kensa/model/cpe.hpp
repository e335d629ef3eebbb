#pragma once

#include <optional>
#include <string>
#include <string_view>

// CPE 2.3 names in the formatted-string binding (NISTIR 7695, section 6.2),
// as vulnerability databases (NVD) and matchers expect them. docs/cpe.md says
// which vendor, product and version kensa puts in them.
namespace kensa::model {

// The part of a CPE: application, operating system or hardware.
enum class CpePart { application, operating_system, hardware };

// Escapes one attribute value for the formatted string: every printable
// ASCII character other than a letter, a digit, '_', '-' and '.' gets a
// backslash, white space becomes '_'. An empty value is "*" (ANY). nullopt
// when the value holds a character a CPE cannot carry (control characters,
// non-ASCII bytes).
std::optional<std::string> escape_cpe_value(std::string_view value);

// "cpe:2.3:<part>:<vendor>:<product>:<version>:*:*:*:*:*:*:*" with vendor and
// product lower-cased and every value escaped; nullopt when vendor or product
// is empty or a value cannot be escaped.
std::optional<std::string> make_cpe23(CpePart part, std::string_view vendor,
                                      std::string_view product, std::string_view version);

// Turns a CPE 2.2 URI ("cpe:/o:redhat:enterprise_linux:9::baseos", as
// os-release's CPE_NAME gives it) into the 2.3 formatted string, decoding
// percent escapes and unpacking a packed edition ("~a~b~c~d~e"). A CPE 2.3
// formatted string is checked for its 13 components and returned as given.
// nullopt for anything else.
std::optional<std::string> cpe23_from_name(std::string_view name);

} // namespace kensa::model
