// The classifier table. Each pattern was checked on the Debian 12 package's
// binary named in docs/scanners/binary.md; a version string alone (a bare
// "1.5.4") is matched only with the text the program keeps beside it, so
// that a number elsewhere in the file is never taken for the version.
#include "binary_classes.hpp"

#include <array>

namespace kensa::scanner::binary_classifier {

namespace {

using namespace std::string_view_literals;

constexpr std::array k_classes{
    BinaryClass{"busybox", "busybox", "**/busybox;**/busybox.*", "BusyBox v",
                R"(BusyBox v(\d+\.\d+\.\d+)[ \-\x00])", "pkg:generic/busybox@{version}",
                "cpe:2.3:a:busybox:busybox:{version}:*:*:*:*:*:*:*"},
    BinaryClass{"bash", "bash", "**/bash", "Bash version ",
                R"(@\(#\)Bash version (\d+\.\d+(?:\.\d+)?)\(\d+\))", "pkg:generic/bash@{version}",
                "cpe:2.3:a:gnu:bash:{version}:*:*:*:*:*:*:*"},
    BinaryClass{
        "openssl-libcrypto", "openssl",
        "**/libcrypto.so;**/libcrypto.so.*;**/libcrypto-*.so;**/libcrypto*.dll;"
        "**/openssl;**/openssl.exe",
        "OpenSSL ",
        R"(\x00OpenSSL (\d+\.\d+\.\d+[a-z]{0,2}(?:-(?:alpha|beta|pre)\d{1,2})?) {1,2}\d{1,2} [A-Z][a-z]{2} \d{4})",
        "pkg:generic/openssl@{version}", "cpe:2.3:a:openssl:openssl:{version}:*:*:*:*:*:*:*",
        false},
    BinaryClass{"curl", "curl", "**/curl;**/curl.exe", "curl ", R"(\x00curl (\d+\.\d+\.\d+) \()",
                "pkg:generic/curl@{version}", "cpe:2.3:a:haxx:curl:{version}:*:*:*:*:*:*:*"},
    BinaryClass{"libcurl", "libcurl", "**/libcurl.so;**/libcurl.so.*;**/libcurl-gnutls.so.*",
                "CLIENT libcurl ", R"(CLIENT libcurl (\d+\.\d+\.\d+)[\r\n\x00])",
                "pkg:generic/libcurl@{version}", "cpe:2.3:a:haxx:libcurl:{version}:*:*:*:*:*:*:*",
                false},
    BinaryClass{"zlib", "zlib", "**/libz.so;**/libz.so.*;**/zlib1.dll", " deflate ",
                R"( deflate (\d+\.\d+\.\d+(?:\.\d+)?) Copyright \d{4})",
                "pkg:generic/zlib@{version}", "cpe:2.3:a:zlib:zlib:{version}:*:*:*:*:*:*:*", false},
    BinaryClass{"gnutls", "gnutls", "**/libgnutls.so;**/libgnutls.so.*", "GnuTLS ",
                R"(GnuTLS (\d+\.\d+\.\d+) logging)", "pkg:generic/gnutls@{version}",
                "cpe:2.3:a:gnu:gnutls:{version}:*:*:*:*:*:*:*", false},
    BinaryClass{"zstd", "zstd", "**/zstd", "Zstandard CLI",
                R"(\x00v(\d+\.\d+\.\d+)\x00Zstandard CLI)", "pkg:generic/zstd@{version}",
                "cpe:2.3:a:facebook:zstandard:{version}:*:*:*:*:*:*:*"},
    BinaryClass{"xz", "xz", "**/xz", "(XZ Utils)", R"(xz \(XZ Utils\) (\d+\.\d+\.\d+)\x00)",
                "pkg:generic/xz@{version}", "cpe:2.3:a:tukaani:xz:{version}:*:*:*:*:*:*:*"},
    BinaryClass{"gzip", "gzip", "**/gzip", "while zipping",
                R"(file size changed while zipping\n\x00(\d+\.\d+(?:\.\d+)?)\x00)",
                "pkg:generic/gzip@{version}", "cpe:2.3:a:gnu:gzip:{version}:*:*:*:*:*:*:*"},
    BinaryClass{"libbz2", "bzip2", "**/libbz2.so;**/libbz2.so.*", "",
                R"(\x00(\d+\.\d+\.\d+), \d{1,2}-[A-Z][a-z]{2}-\d{4}\x00)",
                "pkg:generic/bzip2@{version}", "cpe:2.3:a:bzip:bzip2:{version}:*:*:*:*:*:*:*",
                false},
    BinaryClass{"expat", "expat", "**/libexpat.so;**/libexpat.so.*;**/libexpatw.so.*", "expat_",
                R"(\x00expat_(\d+\.\d+\.\d+)\x00)", "pkg:generic/expat@{version}",
                "cpe:2.3:a:libexpat_project:libexpat:{version}:*:*:*:*:*:*:*", false},
    BinaryClass{"pcre2", "pcre2", "**/libpcre2-*.so;**/libpcre2-*.so.*",
                "\x00"
                "10."sv,
                R"(\x00(10\.\d+) \d{4}-\d\d-\d\d\x00)", "pkg:generic/pcre2@{version}",
                "cpe:2.3:a:pcre:pcre2:{version}:*:*:*:*:*:*:*", false},
    BinaryClass{"pcre", "pcre", "**/libpcre.so;**/libpcre.so.*", "",
                R"((?:^|[^0-9.])(8\.\d+) \d{4}-\d\d-\d\d\x00)", "pkg:generic/pcre@{version}",
                "cpe:2.3:a:pcre:pcre:{version}:*:*:*:*:*:*:*", false},
    BinaryClass{"nginx", "nginx", "**/nginx", "nginx/", R"(nginx/(\d+\.\d+\.\d+)\x00)",
                "pkg:generic/nginx@{version}", "cpe:2.3:a:f5:nginx:{version}:*:*:*:*:*:*:*"},
    BinaryClass{"httpd", "httpd", "**/httpd;**/apache2", "Apache/", R"(Apache/(\d+\.\d+\.\d+)\x00)",
                "pkg:generic/httpd@{version}",
                "cpe:2.3:a:apache:http_server:{version}:*:*:*:*:*:*:*"},
    BinaryClass{"haproxy", "haproxy", "**/haproxy", ", released ",
                R"( version (\d+\.\d+\.\d+)[^,\x00]{0,40}, released \d{4}/\d\d/\d\d\x00)",
                "pkg:generic/haproxy@{version}",
                "cpe:2.3:a:haproxy:haproxy:{version}:*:*:*:*:*:*:*"},
    BinaryClass{"redis", "redis",
                "**/redis-server;**/redis-check-rdb;**/redis-check-aof;**/redis-sentinel",
                "-builtin", R"(\x00(\d+\.\d+\.\d+)\x00(?:c11|sync)-builtin\x00)",
                "pkg:generic/redis@{version}", "cpe:2.3:a:redis:redis:{version}:*:*:*:*:*:*:*"},
    BinaryClass{"memcached", "memcached", "**/memcached", "memcached ",
                R"(\x00memcached (\d+\.\d+\.\d+)\x00)", "pkg:generic/memcached@{version}",
                "cpe:2.3:a:memcached:memcached:{version}:*:*:*:*:*:*:*"},
    BinaryClass{"postgres", "postgresql", "**/postgres;**/postgres.exe", "PostgreSQL ",
                R"(\x00PostgreSQL (\d+\.\d+(?:\.\d+)?) )", "pkg:generic/postgresql@{version}",
                "cpe:2.3:a:postgresql:postgresql:{version}:*:*:*:*:*:*:*"},
    BinaryClass{"mariadb", "mariadb", "**/mariadbd;**/mysqld", "-MariaDB",
                R"(\x00(\d+\.\d+\.\d+)-MariaDB[\x00\-])", "pkg:generic/mariadb@{version}",
                "cpe:2.3:a:mariadb:mariadb:{version}:*:*:*:*:*:*:*"},
    BinaryClass{"python", "python", "**/python3;**/python3.*;**/libpython3.*.so*",
                "\x00"
                "3."sv,
                R"(\x00(3\.\d+\.\d+(?:(?:a|b|rc)\d{1,2})?)\x00)", "pkg:generic/python@{version}",
                "cpe:2.3:a:python:python:{version}:*:*:*:*:*:*:*"},
    BinaryClass{"node", "node", "**/node;**/nodejs;**/libnode.so;**/libnode.so.*", "node.js/v",
                R"(node\.js/v(\d+\.\d+\.\d+)\x00)", "pkg:generic/node@{version}",
                "cpe:2.3:a:nodejs:node.js:{version}:*:*:*:*:*:*:*"},
    BinaryClass{"ruby", "ruby", "**/ruby;**/ruby[0-9].*;**/libruby.so*;**/libruby-*.so*", "ruby ",
                R"(\x00ruby (\d+\.\d+\.\d+)(?:p\d{1,4})? \(\d{4}-\d\d-\d\d)",
                "pkg:generic/ruby@{version}", "cpe:2.3:a:ruby-lang:ruby:{version}:*:*:*:*:*:*:*"},
    BinaryClass{"perl", "perl", "**/perl;**/perl5*;**/libperl.so*", "\x00v5."sv,
                R"(\x00v(5\.\d+\.\d+)\x00)", "pkg:generic/perl@{version}",
                "cpe:2.3:a:perl:perl:{version}:*:*:*:*:*:*:*"},
    BinaryClass{"php", "php", "**/php;**/php[0-9]*;**/php-fpm*;**/libphp*.so", "X-Powered-By: PHP/",
                R"(X-Powered-By: PHP/(\d+\.\d+\.\d+)\x00)", "pkg:generic/php@{version}",
                "cpe:2.3:a:php:php:{version}:*:*:*:*:*:*:*"},
    // BoringSSL keeps no version, only its name: its libcrypto holds no
    // OpenSSL version string either, so it is never taken for OpenSSL.
    BinaryClass{"boringssl", "boringssl",
                "**/libcrypto.so;**/libcrypto.so.*;**/libcrypto-*.so;**/libcrypto*.dll",
                "\x00"
                "BoringSSL\x00"sv,
                R"(\x00BoringSSL\x00)", "pkg:generic/boringssl@{version}", "", false},
    // AWS-LC answers OpenSSL_version with "AWS-LC 5.4.0" ("AWS-LC FIPS
    // 5.4.0" when built for FIPS, include/openssl/service_indicator.h),
    // never with an OpenSSL version string. NVD names it aws_libcrypto.
    BinaryClass{"aws-lc", "aws-lc",
                "**/libcrypto.so;**/libcrypto.so.*;**/libcrypto-*.so;**/libcrypto*.dll;"
                "**/aws-crt-nodejs.node",
                "AWS-LC ", R"(\x00AWS-LC (?:FIPS )?(\d+\.\d+\.\d+)\x00)",
                "pkg:generic/aws-lc@{version}",
                "cpe:2.3:a:amazon:aws_libcrypto:{version}:*:*:*:*:*:*:*", false},
    BinaryClass{"git", "git", "**/git;**/git.exe", "git/",
                R"((?:^|[^\x21-\x7e])git/(\d+\.\d+\.\d+)(?:\.windows\.\d{1,3})?\x00)",
                "pkg:generic/git@{version}", "cpe:2.3:a:git-scm:git:{version}:*:*:*:*:*:*:*"},
    // jq keeps its version as a bare number, beside the prefix of its debug
    // messages.
    BinaryClass{"jq", "jq", "**/jq;**/jq.exe",
                "\x00"
                "DEBUG:\x00"sv,
                R"(\x00(\d\.\d{1,2}(?:\.\d{1,2})?)\x00DEBUG:\x00)", "pkg:generic/jq@{version}",
                "cpe:2.3:a:jqlang:jq:{version}:*:*:*:*:*:*:*"},
    // The JVM names the JRE it was built for ("... for linux-amd64 JRE
    // (17.0.21.1+2-1-deb12u1-Debian)"; Java 8's reads "JRE (1.8.0_392-b08)").
    BinaryClass{
        "libjvm", "openjdk", "**/libjvm.so;**/jvm.dll;**/libjvm.dylib", " JRE (",
        R"( VM \([^)\x00]{1,80}\) for [^\x00 ]{1,40} JRE \((\d+(?:\.\d+){0,4}(?:_\d{1,4})?)[+\-)])",
        "pkg:generic/openjdk@{version}", "cpe:2.3:a:oracle:openjdk:{version}:*:*:*:*:*:*:*", false},
    // The go command's own build information: its version, then the
    // module information's start marker and "path cmd/go".
    BinaryClass{"go", "go", "**/go;**/go.exe", "path\tcmd/go\n",
                "go(1\\.\\d{1,2}(?:\\.\\d{1,2})?)[\\x00-\\xff]{1,3}"
                "0w\\xaf\\x0c\\x92t\\x08\\x02A\\xe1\\xc1\\x07\\xe6\\xd6\\x18\\xe6path\\tcmd/go\\n",
                "pkg:generic/go@{version}", "cpe:2.3:a:golang:go:{version}:*:*:*:*:*:*:*"},
    // The emulator keeps the OTP release as a bare number, after its system
    // version's format.
    BinaryClass{"erlang", "erlang", "**/beam.smp;**/beam", "[async-threads:%d]",
                R"(\[async-threads:%d\][^\x00]{0,64}\x00{1,8}(\d{2}(?:\.\d{1,3}){1,3})\x00)",
                "pkg:generic/erlang@{version}",
                "cpe:2.3:a:erlang:erlang\\/otp:{version}:*:*:*:*:*:*:*"},
    BinaryClass{"ffmpeg", "ffmpeg", "**/libavcodec.so;**/libavcodec.so.*", "FFmpeg version ",
                R"(\x00FFmpeg version n?(\d+\.\d+(?:\.\d+)?)[\x00\-+~ ])",
                "pkg:generic/ffmpeg@{version}", "cpe:2.3:a:ffmpeg:ffmpeg:{version}:*:*:*:*:*:*:*",
                false},
    // sqlite3_version is a bare number among binary data: only in a file
    // named like the library, and the first such number.
    BinaryClass{"sqlite", "sqlite", "**/libsqlite3.so;**/libsqlite3.so.*", "",
                R"([^\x20-\x7e](3\.\d{1,2}\.\d{1,2})\x00)", "pkg:generic/sqlite@{version}",
                "cpe:2.3:a:sqlite:sqlite:{version}:*:*:*:*:*:*:*", false},
    // The .NET host resolver (hostfxr, linked into the single-file host a
    // self-contained single-file application starts with) prints its
    // version for `dotnet --info`; it is the runtime's release.
    BinaryClass{"dotnet-runtime", "dotnet-runtime",
                "**/libhostfxr.so;**/libhostfxr.dylib;**/singlefilehost", "Host:\n  Version: ",
                R"(\nHost:\n  Version: {1,12}(\d+\.\d+\.\d+)\n  Architecture: )",
                "pkg:generic/dotnet-runtime@{version}",
                "cpe:2.3:a:microsoft:.net:{version}:*:*:*:*:*:*:*", false},
    // xmlParserVersion is "20914" for 2.9.14, beside the message of
    // xmlGetGlobalState that the linker puts after it.
    BinaryClass{"libxml2", "libxml2", "**/libxml2.so;**/libxml2.so.*", "xmlGetGlobalState: ",
                R"([^0-9]([1-9])(\d\d)(\d\d)\x00{1,8}xmlGetGlobalState: out of memory)",
                "pkg:generic/libxml2@{version}",
                "cpe:2.3:a:xmlsoft:libxml2:{version}:*:*:*:*:*:*:*", false},
};

} // namespace

std::span<const BinaryClass> binary_classes() {
  return k_classes;
}

} // namespace kensa::scanner::binary_classifier
