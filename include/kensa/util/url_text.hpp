#pragma once

#include <optional>
#include <string>
#include <string_view>

// Links and e-mail addresses as manifests write them, turned into the forms
// SBOM formats require: a URI reference (RFC 3986) where a schema asks for
// an iri-reference, an addr-spec where it asks for an idn-email.
namespace kensa {

// The URL an scp-style git address means, as git and npm's hosted-git-info
// read it: "git@github.com:colorjs/color-name.git" is
// "git+ssh://git@github.com/colorjs/color-name.git". nullopt when `text`
// is no such address (it has a scheme, no '@' before the ':', or a '/'
// before it).
std::optional<std::string> url_of_scp_address(std::string_view text);

// `text` (surrounding white space dropped) as a URI that means the same:
// an scp-style address as above; a space, a quote, a non-ASCII byte, a
// second '#' or another character a URI cannot hold percent-encoded; a '%'
// that starts no escape written "%25". nullopt when there is no such form:
// text without a scheme (a link of an SBOM is a place, not a path relative
// to nothing; "//host/path" is taken), an authority whose port is not a
// number or whose bracketed host is not an IP literal.
std::optional<std::string> uri_reference_of(std::string_view text);

// Whether `text` is a plain e-mail address: a dot-atom local part
// (RFC 5322 atext, or any non-ASCII UTF-8), one '@', and a domain of
// dot-separated labels of letters, digits and inner hyphens (non-ASCII
// allowed), with at least one dot. What every validator of "email" and
// "idn-email" accepts; a quoted local part or an address literal is not
// taken.
bool is_plain_email_address(std::string_view text);

// Whether `text` is written as a web link ("https://...", "www.x.org/...")
// rather than an e-mail address: manifests put either between '<' and '>'.
bool looks_like_web_link(std::string_view text);

} // namespace kensa
