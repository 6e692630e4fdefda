// EHLO replies: the typed view of the extensions.
#include <doctest/doctest.h>

#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include <smtpcodes/wire/ehlo.hpp>

using smtpcodes::Extension;

namespace {

struct KeywordCase {
  std::string_view line;
  Extension extension;
  std::string_view keyword;
  std::string_view parameters;
};

const KeywordCase keyword_cases[] = {
    {"SIZE 35882577", Extension::size, "SIZE", "35882577"},
    {"size", Extension::size, "size", ""},
    {"AUTH LOGIN PLAIN XOAUTH2", Extension::auth, "AUTH", "LOGIN PLAIN XOAUTH2"},
    {"AUTH=LOGIN", Extension::auth, "AUTH", "LOGIN"},
    {"ENHANCEDSTATUSCODES", Extension::enhanced_status_codes, "ENHANCEDSTATUSCODES", ""},
    {"PIPELINING", Extension::pipelining, "PIPELINING", ""},
    {"STARTTLS", Extension::starttls, "STARTTLS", ""},
    {"8BITMIME", Extension::eight_bit_mime, "8BITMIME", ""},
    {"SMTPUTF8", Extension::smtputf8, "SMTPUTF8", ""},
    {"CHUNKING", Extension::chunking, "CHUNKING", ""},
    {"BINARYMIME", Extension::binary_mime, "BINARYMIME", ""},
    {"DSN", Extension::dsn, "DSN", ""},
    {"REQUIRETLS", Extension::requiretls, "REQUIRETLS", ""},
    {"Requiretls", Extension::requiretls, "Requiretls", ""},
    {"XCLIENT NAME ADDR", Extension::unknown, "XCLIENT", "NAME ADDR"},
    {"ETRN", Extension::unknown, "ETRN", ""},
    {"VRFY", Extension::unknown, "VRFY", ""},
};

}  // namespace

TEST_CASE("each extension keyword, with its parameters") {
  for (const KeywordCase& c : keyword_cases) {
    CAPTURE(c.line);
    const std::string text = "250-mx.example.com\r\n250 " + std::string(c.line) + "\r\n";
    const auto reply = smtpcodes::parse_whole_reply(text);
    REQUIRE(reply);
    const auto ehlo = smtpcodes::parse_ehlo(*reply).value();
    REQUIRE(ehlo.size() == 1);
    CHECK(ehlo.begin()->extension == c.extension);
    CHECK(ehlo.begin()->keyword == c.keyword);
    CHECK(ehlo.begin()->parameters == c.parameters);
    CHECK(ehlo.find(c.keyword) == ehlo.begin());
    if (c.extension != Extension::unknown) {
      CHECK(ehlo.has(c.extension));
      CHECK(smtpcodes::extension_from_keyword(smtpcodes::keyword(c.extension)) == c.extension);
    }
  }
}

TEST_CASE("a real Postfix EHLO reply") {
  const auto reply = smtpcodes::parse_whole_reply(
      "250-mail.example.org\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-VRFY\r\n250-ETRN\r\n"
      "250-AUTH PLAIN LOGIN\r\n250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n250-DSN\r\n250-SMTPUTF8\r\n"
      "250 CHUNKING\r\n");
  REQUIRE(reply);
  const auto ehlo = smtpcodes::parse_ehlo(*reply).value();
  CHECK(ehlo.domain() == "mail.example.org");
  CHECK(ehlo.greeting().empty());
  CHECK(ehlo.size() == 10);
  CHECK(ehlo.size_limit() == 10240000);
  CHECK(ehlo.has_size_limit());
  std::vector<std::string_view> mechanisms(ehlo.auth_mechanisms().begin(), ehlo.auth_mechanisms().end());
  CHECK(mechanisms == std::vector<std::string_view>{"PLAIN", "LOGIN"});
  for (Extension e : {Extension::pipelining, Extension::enhanced_status_codes, Extension::eight_bit_mime,
                      Extension::dsn, Extension::smtputf8, Extension::chunking}) {
    CHECK(ehlo.has(e));
  }
  CHECK_FALSE(ehlo.has(Extension::starttls));
  CHECK(ehlo.find("vrfy") != nullptr);
}

TEST_CASE("SIZE values, and replies that list nothing") {
  struct SizeCase {
    std::string_view line;
    std::uint64_t limit;
  };
  const SizeCase sizes[] = {
      {"SIZE 0", 0},
      {"SIZE", 0},
      {"SIZE abc", 0},
      {"SIZE 18446744073", 18446744073ULL},
      {"SIZE 99999999999999999999", 0},
      // A space after the number is still the limit, never "no limit".
      {"SIZE 1000000 ", 1000000},
      {"SIZE 1000000  \t", 1000000},
      {"SIZE  52428800", 52428800},
      {"SIZE 10M", 0},
  };
  for (const SizeCase& c : sizes) {
    CAPTURE(c.line);
    const std::string text = "250-mx\r\n250 " + std::string(c.line) + "\r\n";
    const auto ehlo = smtpcodes::parse_ehlo(smtpcodes::parse_whole_reply(text).value()).value();
    CHECK(ehlo.has(Extension::size));
    CHECK(ehlo.size_limit() == c.limit);
  }
  const auto hello =
      smtpcodes::parse_ehlo(smtpcodes::parse_whole_reply("250 mx.example.com Hello\r\n").value()).value();
  CHECK(hello.size() == 0);
  CHECK(hello.greeting() == "Hello");
  CHECK(hello.auth_mechanisms().size() == 0);
}

TEST_CASE("parse_ehlo fails on a reply that is not a positive completion, or has no lines") {
  const auto refused = smtpcodes::parse_ehlo(smtpcodes::parse_whole_reply("502-x\r\n502 SIZE 1\r\n").value());
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == smtpcodes::EhloErrorKind::not_positive_completion);
  CHECK(refused.error().code.value() == 502);
  CHECK(name(refused.error().kind) == "not_positive_completion");
  const auto empty = smtpcodes::parse_ehlo(smtpcodes::Reply{});
  REQUIRE_FALSE(empty);
  CHECK(empty.error() == smtpcodes::EhloError{smtpcodes::EhloErrorKind::no_lines, {}});
}

TEST_CASE("AUTH over two lines gives the mechanisms of both") {
  const auto reply = smtpcodes::parse_whole_reply(
      "250-mx.example.com\r\n250-AUTH=PLAIN\r\n250-SIZE 1000\r\n250-AUTH CRAM-MD5 LOGIN\r\n250 8BITMIME\r\n");
  REQUIRE(reply);
  const auto ehlo = smtpcodes::parse_ehlo(*reply).value();
  const std::vector<std::string_view> mechanisms(ehlo.auth_mechanisms().begin(), ehlo.auth_mechanisms().end());
  CHECK(mechanisms == std::vector<std::string_view>{"PLAIN", "CRAM-MD5", "LOGIN"});
  CHECK(ehlo.auth_mechanisms().contains("cram-md5"));
  CHECK(ehlo.auth_mechanisms().size() == 3);
  // An AUTH line without mechanisms between two with some.
  const auto sparse = smtpcodes::parse_whole_reply("250-mx\r\n250-AUTH X\r\n250-AUTH\r\n250 AUTH Y\r\n");
  REQUIRE(sparse);
  CHECK(smtpcodes::parse_ehlo(*sparse)->auth_mechanisms().size() == 2);
}

TEST_CASE("the word iterators are standard forward iterators") {
  using WordIterator = smtpcodes::Words::iterator;
  using MechanismIterator = smtpcodes::ExtensionWords::iterator;
#if defined(__cpp_lib_concepts)
  static_assert(std::forward_iterator<WordIterator>);
  static_assert(std::forward_iterator<MechanismIterator>);
#endif
  const smtpcodes::Words words("PLAIN  LOGIN\tXOAUTH2");
  CHECK(std::distance(words.begin(), words.end()) == 3);
  WordIterator it = words.begin();
  CHECK(*it++ == "PLAIN");
  CHECK(*it == "LOGIN");
  CHECK(WordIterator{} == smtpcodes::Words("").begin());
  const auto reply = smtpcodes::parse_whole_reply("250-mx\r\n250-AUTH=PLAIN\r\n250 AUTH LOGIN\r\n").value();
  const auto ehlo = smtpcodes::parse_ehlo(reply).value();
  CHECK(std::distance(ehlo.auth_mechanisms().begin(), ehlo.auth_mechanisms().end()) == 2);
  MechanismIterator mechanism = ehlo.auth_mechanisms().begin();
  CHECK(*mechanism++ == "PLAIN");
  CHECK(*mechanism == "LOGIN");
}
