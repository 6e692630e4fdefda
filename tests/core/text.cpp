// The byte tables of detail/text.hpp, written out as string literals,
// against the definitions they stand for; and the helpers built on them.
#include <doctest/doctest.h>

#include <string_view>

#include <smtpcodes/detail/text.hpp>

namespace {

namespace detail = smtpcodes::detail;

// The definitions, as the C locale's <cctype> gives them for ASCII, written
// out here without the tables.
constexpr bool alpha_by_definition(unsigned byte) {
  return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
}
constexpr bool digit_by_definition(unsigned byte) { return byte >= '0' && byte <= '9'; }
constexpr bool space_by_definition(unsigned byte) { return byte == ' ' || (byte >= '\t' && byte <= '\r'); }
constexpr bool token_by_definition(unsigned byte) {
  return byte > 0x20 && byte < 0x7F &&
         std::string_view("<>()\",;").find(static_cast<char>(byte)) == std::string_view::npos;
}
constexpr bool address_mark_by_definition(unsigned byte) { return byte == '@' || byte == ':'; }
constexpr bool word_gap_by_definition(unsigned byte) { return space_by_definition(byte) || byte == '_'; }
constexpr unsigned lower_by_definition(unsigned byte) { return byte >= 'A' && byte <= 'Z' ? byte + 32 : byte; }

constexpr bool tables_agree() {
  for (unsigned byte = 0; byte < 256; ++byte) {
    const char c = static_cast<char>(static_cast<unsigned char>(byte));
    if (detail::is_alpha(c) != alpha_by_definition(byte)) return false;
    if (detail::is_alnum(c) != (alpha_by_definition(byte) || digit_by_definition(byte))) return false;
    if (detail::is_space(c) != space_by_definition(byte)) return false;
    if (detail::is_word_gap(c) != word_gap_by_definition(byte)) return false;
    if (((detail::ascii_kind(c) & detail::AsciiKind::token) != 0) != token_by_definition(byte)) return false;
    if (((detail::ascii_kind(c) & detail::AsciiKind::address_mark) != 0) != address_mark_by_definition(byte)) {
      return false;
    }
    if (static_cast<unsigned char>(detail::to_lower(c)) != lower_by_definition(byte)) return false;
  }
  return true;
}

}  // namespace

static_assert(sizeof(detail::ascii_kinds) == 257 && sizeof(detail::ascii_lower) == 257,
              "one entry for each byte, and the literal's terminating NUL");
static_assert(tables_agree(), "the byte tables agree with their definitions at compile time");

TEST_CASE("the byte tables agree with their definitions for every byte, at run time") {
  for (unsigned byte = 0; byte < 256; ++byte) {
    CAPTURE(byte);
    const char c = static_cast<char>(static_cast<unsigned char>(byte));
    CHECK(detail::is_alpha(c) == alpha_by_definition(byte));
    CHECK(detail::is_alnum(c) == (alpha_by_definition(byte) || digit_by_definition(byte)));
    CHECK(detail::is_space(c) == space_by_definition(byte));
    CHECK(detail::is_word_gap(c) == word_gap_by_definition(byte));
    CHECK(((detail::ascii_kind(c) & detail::AsciiKind::token) != 0) == token_by_definition(byte));
    CHECK(((detail::ascii_kind(c) & detail::AsciiKind::address_mark) != 0) == address_mark_by_definition(byte));
    CHECK(static_cast<unsigned char>(detail::to_lower(c)) == lower_by_definition(byte));
  }
}

TEST_CASE("case is ignored for ASCII letters only") {
  using namespace std::string_view_literals;
  CHECK(detail::iequals("Content-Type"sv, "content-type"sv));
  CHECK_FALSE(detail::iequals("\xC3\x89"sv, "\xC3\xA9"sv));  // É and é: bytes outside ASCII compare as they are
  CHECK_FALSE(detail::iequals("@"sv, "`"sv));                // 0x40 and 0x60 differ by the case bit but are not letters
  CHECK_FALSE(detail::iequals("["sv, "{"sv));
  CHECK(detail::istarts_with("WWW.example.org"sv, "www."sv));
}
