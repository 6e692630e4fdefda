// Header fields (RFC 5322) and MIME structure (RFC 2045, RFC 2046): lines,
// header lookups with and without an index, the walk over parts, its depth
// limit and its callback convention.
#include <doctest/doctest.h>

#include <cstddef>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <smtpcodes/bounce/mime.hpp>

namespace {

using smtpcodes::MimePart;
using smtpcodes::MimeWalk;

// The lines of text as the 0.1 byte-by-byte loop split them: the reference
// for the memchr scanner.
std::vector<std::string_view> reference_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = pos;
    while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
    lines.push_back(text.substr(pos, end - pos));
    if (end < text.size() && text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ++end;
    pos = end + 1;
  }
  return lines;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos < text.size();) {
    const smtpcodes::detail::Line line = smtpcodes::detail::line_at(text, pos);
    lines.push_back(line.text);
    pos = line.next;
  }
  return lines;
}

constexpr std::size_t constant_line_count(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < text.size(); pos = smtpcodes::detail::line_at(text, pos).next) ++count;
  return count;
}

constexpr std::string_view constant_index_lookup() {
  const smtpcodes::HeaderIndex index("Subject: hi\nContent-Type: text/plain\n\nbody");
  return index.value("content-type");
}

std::string nested(int levels, std::string_view innermost) {
  std::string text;
  for (int level = 0; level < levels; ++level) {
    text +=
        "Content-Type: multipart/mixed; boundary=b" + std::to_string(level) + "\n\n--b" + std::to_string(level) + "\n";
  }
  text += innermost;
  for (int level = levels; level-- > 0;) text += "\n--b" + std::to_string(level) + "--";
  return text;
}

}  // namespace

static_assert(constant_line_count("a\r\nb\nc\rd") == 4);
static_assert(constant_index_lookup() == "text/plain");
static_assert(smtpcodes::max_mime_depth == 4);

TEST_CASE("line_at ends lines at CRLF, LF and a bare CR") {
  struct Row {
    std::string_view text;
    std::vector<std::string_view> lines;
  };
  const Row rows[] = {
      {"", {}},
      {"one", {"one"}},
      {"one\r\ntwo\r\n", {"one", "two"}},
      {"one\ntwo\n", {"one", "two"}},
      {"one\rtwo\r", {"one", "two"}},
      {"one\r\rtwo", {"one", "", "two"}},
      {"one\n\rtwo", {"one", "", "two"}},
      {"a\r\n\r\nb", {"a", "", "b"}},
      {"\r", {""}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(lines_of(row.text) == row.lines);
  }
}

TEST_CASE("line_at agrees with a byte-by-byte scan on long and random text") {
  // Lines across the scanner's growing windows (128, 256, ... bytes).
  for (const std::size_t length : {0U, 1U, 127U, 128U, 129U, 255U, 256U, 383U, 384U, 1000U, 5000U}) {
    for (const std::string_view end : {"\r\n", "\n", "\r"}) {
      const std::string text =
          std::string(length, 'x') + std::string(end) + "tail" + std::string(end) + std::string(length, 'y');
      CAPTURE(length);
      CHECK(lines_of(text) == reference_lines(text));
    }
  }
  std::mt19937 engine(20261202);
  const auto random = [&engine] { return static_cast<std::size_t>(engine()); };
  const char alphabet[] = {'a', ' ', '\r', '\n', '\t', '\0', '\xE9'};
  for (int round = 0; round < 2000; ++round) {
    std::string text(random() % 700, 'a');
    // Sparse line ends in some rounds, dense in others.
    const std::size_t density = 2 + random() % 200;
    for (char& c : text) c = random() % density == 0 ? alphabet[2 + random() % 2] : alphabet[random() % 7];
    CAPTURE(round);
    CHECK(lines_of(text) == reference_lines(text));
  }
}

TEST_CASE("header_value reads folded fields, names without regard to case") {
  const std::string_view headers =
      "Subject: one\n  two\nContent-Type: multipart/report;\n\treport-type=delivery-status; boundary=\"b\"\n"
      "X-Empty:\nsubject: second\n\nBody: not a header\n";
  struct Row {
    std::string_view name, value;
  };
  constexpr Row rows[] = {
      {"subject", "one\n  two"},  // the first field of the name
      {"SUBJECT", "one\n  two"}, {"content-type", "multipart/report;\n\treport-type=delivery-status; boundary=\"b\""},
      {"X-Empty", ""},           {"Body", ""},  // after the blank line: the body
      {"Missing", ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    CHECK(smtpcodes::header_value(headers, row.name) == row.value);
  }
}

TEST_CASE("header_value reads names as the field reader does") {
  const std::string_view headers =
      "\fX-Odd : one\nno colon here\n  Content-Type: folded, not a field\nTwo Words: two\n"
      "Empty:\nContent-Type:text/plain\n \t\nAfter: blank\n";
  struct Row {
    std::string_view name, value;
  };
  constexpr Row rows[] = {
      {"X-Odd", "one"},
      {"x-odd ", ""},
      {"Two Words", "two"},
      {"Two", ""},
      {"Empty", ""},
      {"After", "blank"},  // after a line of white space only, which continues a field (RFC 5322 §4.2)
      {"content-type", "text/plain"},
      {"no colon here", ""},
      {"Content-Type:", ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    CHECK(smtpcodes::header_value(headers, row.name) == row.value);
  }
}

TEST_CASE("HeaderIndex answers as header_value, within and past its capacity") {
  std::string headers = "Subject: hello\n  world\nFrom: a@example.com\n";
  for (int i = 0; i < 10; ++i) headers += "Received: from hop" + std::to_string(i) + "\n";
  headers += "To: b@example.com\nContent-Type: text/plain\nSubject: second\n\nTo: body@example.com\n";
  const char* names[] = {"subject", "From", "received", "To", "content-type", "Missing", ""};

  const smtpcodes::HeaderIndex index(headers);
  CHECK(index.size() == 15);
  CHECK_FALSE(index.truncated());
  CHECK(index.begin()->name == "Subject");
  CHECK((index.end() - 1)->value == "second");

  const smtpcodes::BasicHeaderIndex<3> small(headers);
  CHECK(small.size() == 3);
  CHECK(small.truncated());
  CHECK(small.capacity() == 3);

  const smtpcodes::BasicHeaderIndex<15> exact(headers);
  CHECK_FALSE(exact.truncated());

  for (const char* name : names) {
    CAPTURE(name);
    const std::string_view expected = smtpcodes::header_value(headers, name);
    CHECK(index.value(name) == expected);
    CHECK(small.value(name) == expected);
    CHECK(exact.value(name) == expected);
    // The same view, not a copy.
    CHECK(index.value(name).data() == expected.data());
  }

  // Past its capacity the index knows which names the rest holds: every
  // name there is still found, in any case, and none that is not.
  std::string many;
  for (int i = 0; i < 300; ++i) many += "X-Field-" + std::to_string(i) + ": value " + std::to_string(i) + "\n";
  many += "\nX-Field-999: in the body\n";
  const smtpcodes::BasicHeaderIndex<8> few(many);
  CHECK(few.truncated());
  for (int i = 0; i < 1000; i += 7) {
    const std::string name = (i % 2 == 0 ? "x-field-" : "X-FIELD-") + std::to_string(i);
    CAPTURE(name);
    CHECK(few.value(name) == smtpcodes::header_value(many, name));
    CHECK(few.value(name).empty() == (i >= 300));
  }

  const smtpcodes::HeaderIndex empty;
  CHECK(empty.size() == 0);
  CHECK(empty.value("Subject").empty());
  CHECK(smtpcodes::HeaderIndex("\nSubject: body").size() == 0);
}

TEST_CASE("for_each_mime_part walks parts depth first") {
  const std::string_view message =
      "Content-Type: multipart/report; boundary=\"outer\"\n\npreamble\n"
      "--outer\nContent-Type: text/plain\n\nhello\n"
      "--outer\nContent-Type: multipart/alternative; boundary=inner\n\n"
      "--inner\nContent-Type: text/html\n\n<p>hi</p>\n--inner--\n"
      "--outer\nContent-Type: message/delivery-status\n\nAction: failed\n"
      "--outer--\nepilogue\n";
  std::vector<std::string> seen;
  const MimeWalk walk = smtpcodes::for_each_mime_part(message, [&seen](const MimePart& part) {
    seen.push_back(std::to_string(part.depth) + " " + std::string(part.content_type()) + " " + std::string(part.body));
  });
  const std::vector<std::string> expected = {
      "0 multipart/report " + std::string(message.substr(message.find("preamble"))),
      "1 text/plain hello",
      "1 multipart/alternative --inner\nContent-Type: text/html\n\n<p>hi</p>\n--inner--",
      "2 text/html <p>hi</p>",
      "1 message/delivery-status Action: failed",
  };
  CHECK(seen == expected);
  CHECK(walk.parts == 5);
  CHECK_FALSE(walk.truncated());
}

// Issue 14.4: the depth limit was silent.
TEST_CASE("for_each_mime_part says when the depth limit bites") {
  SUBCASE("within the limit") {
    const std::string message = nested(smtpcodes::max_mime_depth, "Content-Type: text/plain\n\ndeepest");
    int deepest = 0;
    const MimeWalk walk = smtpcodes::for_each_mime_part(message, [&deepest](const MimePart& part) {
      CHECK_FALSE(part.parts_not_walked);
      deepest = part.depth;
    });
    CHECK(deepest == smtpcodes::max_mime_depth);
    CHECK(walk.parts == static_cast<std::size_t>(smtpcodes::max_mime_depth) + 1);
    CHECK(walk.skipped_multiparts == 0);
    CHECK_FALSE(walk.truncated());
  }
  SUBCASE("one level past it") {
    const std::string message = nested(smtpcodes::max_mime_depth + 1, "Content-Type: text/plain\n\ndeepest");
    std::vector<int> skipped_at;
    const MimeWalk walk = smtpcodes::for_each_mime_part(message, [&skipped_at](const MimePart& part) {
      if (part.parts_not_walked) skipped_at.push_back(part.depth);
    });
    CHECK(skipped_at == std::vector<int>{smtpcodes::max_mime_depth});
    CHECK(walk.parts == static_cast<std::size_t>(smtpcodes::max_mime_depth) + 1);
    CHECK(walk.skipped_multiparts == 1);
    CHECK(walk.truncated());
  }
  SUBCASE("a multipart part without a boundary has no parts to skip") {
    const MimeWalk walk = smtpcodes::for_each_mime_part(
        nested(smtpcodes::max_mime_depth, "Content-Type: multipart/mixed\n\nno boundary"), [](const MimePart&) {});
    CHECK_FALSE(walk.truncated());
  }
}

// Found by tests/bounce/mime_python_check.py: the name of a parameter inside
// another parameter's quoted value was taken for the parameter, and the
// message below was split at "decoy", which no line delimits.
TEST_CASE("a parameter name inside a quoted value is not a parameter") {
  const std::string_view message =
      "Content-Type: multipart/mixed; name=\"see boundary=decoy\"; boundary=real\n\n"
      "--real\nContent-Type: text/plain; name=\"a; charset=koi8-r\"; charset=us-ascii\n\nhello\n--real--\n";
  std::vector<std::string> seen;
  smtpcodes::for_each_mime_part(message, [&seen](const MimePart& part) {
    const std::string_view type = smtpcodes::header_value(part.headers, "Content-Type");
    seen.push_back(std::string(smtpcodes::detail::content_type_parameter(type, "boundary")) + "|" +
                   std::string(smtpcodes::detail::content_type_parameter(type, "charset")) + "|" +
                   std::string(part.body));
  });
  const std::vector<std::string> expected = {
      "real||" + std::string(message.substr(message.find("--real"))),
      "|us-ascii|hello",
  };
  CHECK(seen == expected);
  // A backslash quotes the next character (RFC 5322 §3.2.4): this quote
  // does not close the value.
  CHECK(smtpcodes::detail::content_type_parameter(R"(text/plain; name="a\" charset=x"; charset=y)", "charset") == "y");
  // Unchanged: a value not closed runs to the end, and a parameter after
  // white space without its ";" is still read.
  CHECK(smtpcodes::detail::content_type_parameter("multipart/mixed; boundary=\"open", "boundary") == "open");
  CHECK(smtpcodes::detail::content_type_parameter("text/plain\n charset=\"iso-2022-jp\"", "charset") == "iso-2022-jp");
  static_assert(smtpcodes::detail::content_type_parameter("a/b; x=\"see boundary=no\"; boundary=yes", "boundary") ==
                "yes");
}

TEST_CASE("MimePart::parameter reads the part's Content-Type parameters") {
  constexpr std::string_view message =
      "Content-Type: Multipart/Report; Report-Type=delivery-status;\n\tBoundary=\"b 1\"\n\n--b 1\n"
      "Content-Type: text/plain; CHARSET=ISO-2022-JP\n\nx\n--b 1--\n";
  std::vector<std::string> seen;
  smtpcodes::for_each_mime_part(message, [&seen](const MimePart& part) {
    seen.push_back(std::string(part.parameter("boundary")) + "|" + std::string(part.parameter("report-type")) + "|" +
                   std::string(part.parameter("charset")));
  });
  const std::vector<std::string> expected = {"b 1|delivery-status|", "||ISO-2022-JP"};
  CHECK(seen == expected);
  constexpr MimePart no_type{"Subject: x\n", "body", 0, false};
  static_assert(no_type.parameter("charset").empty());
}

// Issue 14.8 and the callback convention of docs/api.md.
TEST_CASE("for_each_mime_part: bool or void callbacks, noexcept as the callback") {
  const std::string message = nested(2, "Content-Type: text/plain\n\nx");
  SUBCASE("false stops the walk") {
    std::size_t calls = 0;
    const MimeWalk walk = smtpcodes::for_each_mime_part(message, [&calls](const MimePart&) {
      ++calls;
      return calls < 2;
    });
    CHECK(calls == 2);
    CHECK(walk.parts == 2);
  }
  SUBCASE("a throwing callback propagates its exception") {
    std::size_t calls = 0;
    const auto throwing = [&calls](const MimePart& part) {
      ++calls;
      if (part.depth == 1) throw std::runtime_error("database write failed");
    };
    CHECK_THROWS_AS(smtpcodes::for_each_mime_part(message, throwing), std::runtime_error);
    CHECK(calls == 2);
  }
  const auto may_throw = [](const MimePart&) {};
  const auto never_throws = [](const MimePart&) noexcept { return true; };
  static_assert(!noexcept(smtpcodes::for_each_mime_part(std::string_view{}, may_throw)));
  static_assert(noexcept(smtpcodes::for_each_mime_part(std::string_view{}, never_throws)));
  static_assert(std::is_same_v<decltype(smtpcodes::for_each_mime_part("", never_throws)), MimeWalk>);
}

TEST_CASE("for_each_mime_part in a constant expression") {
  constexpr auto count_parts = [] {
    const MimeWalk walk =
        smtpcodes::for_each_mime_part("Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--b\n\ntwo\n--b--\n",
                                      [](const MimePart&) noexcept {});
    return walk.parts;
  };
  static_assert(count_parts() == 3);
}

namespace {

// The first field called name, found by reading every field in turn: the
// reference for header_value, which passes over most lines unread.
std::string_view reference_header_value(std::string_view headers, std::string_view name) {
  std::size_t pos = 0;
  smtpcodes::HeaderField field;
  while (smtpcodes::detail::next_header_field(headers, pos, field)) {
    if (smtpcodes::detail::iequals(field.name, name)) return field.value;
  }
  return {};
}

// The parts of a message as the line-by-line walk of 0.1 found them (every
// line tested as a delimiter): the reference for the walk that looks only
// at lines that start with "--".
void reference_walk(std::string_view text, int depth, std::vector<MimePart>& parts) {
  MimePart part = smtpcodes::detail::split_part(text, depth);
  const std::string_view content_type = smtpcodes::header_value(part.headers, "Content-Type");
  std::string_view boundary;
  if (smtpcodes::detail::istarts_with(smtpcodes::detail::trim(content_type), "multipart/")) {
    boundary = smtpcodes::detail::content_type_parameter(content_type, "boundary");
    if (!boundary.empty() && depth >= smtpcodes::max_mime_depth) {
      part.parts_not_walked = true;
      boundary = {};
    }
  }
  parts.push_back(part);
  if (boundary.empty()) return;
  const std::string_view body = part.body;
  std::size_t pos = 0;
  std::size_t part_start = std::string_view::npos;
  while (pos < body.size()) {
    const smtpcodes::detail::Line line = smtpcodes::detail::line_at(body, pos);
    bool closing = false;
    if (smtpcodes::detail::is_delimiter(line.text, boundary, closing)) {
      if (part_start != std::string_view::npos) {
        std::size_t end = pos;
        if (end > part_start && body[end - 1] == '\n') --end;
        if (end > part_start && body[end - 1] == '\r') --end;
        reference_walk(body.substr(part_start, end - part_start), depth + 1, parts);
      }
      if (closing) return;
      part_start = line.next;
    }
    pos = line.next;
  }
  if (part_start != std::string_view::npos && part_start < body.size()) {
    reference_walk(body.substr(part_start), depth + 1, parts);
  }
}

std::string random_text(std::mt19937& random, const std::vector<std::string_view>& pieces, std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += pieces[random() % pieces.size()];
  return text;
}

}  // namespace

TEST_CASE("header_value answers as reading every field, on random header blocks") {
  const std::vector<std::string_view> pieces = {"Subject: a",
                                                "subject:b",
                                                "From: x@example.com",
                                                "To: y",
                                                "\fFrom: odd",
                                                "\vSubject: odd",
                                                " folded",
                                                "\tfolded",
                                                "no colon",
                                                ": empty name",
                                                "S: s",
                                                "X-Failed-Recipients: z",
                                                " \t",
                                                "\n",
                                                "\r\n",
                                                "\r",
                                                "\n",
                                                "\r\n",
                                                "\n"};
  const std::string_view names[] = {"Subject", "from", "TO", "S", "x-failed-recipients", "Missing", "", " ", "\f"};
  std::mt19937 random(17);
  for (int round = 0; round < 20000; ++round) {
    const std::string headers = random_text(random, pieces, random() % 24);
    for (std::string_view name : names) {
      CAPTURE(headers);
      CAPTURE(name);
      const std::string_view value = smtpcodes::header_value(headers, name);
      const std::string_view expected = reference_header_value(headers, name);
      REQUIRE(value.data() == expected.data());
      REQUIRE(value.size() == expected.size());
    }
  }
}

TEST_CASE("split_part_reading splits and reads the two fields as split_part and header_value do") {
  const std::vector<std::string_view> pieces = {"Content-Type: text/plain",
                                                "content-type:multipart/mixed; boundary=b",
                                                "CONTENT-TYPE : message/delivery-status",
                                                "Content-Transfer-Encoding: base64",
                                                "content-transfer-encoding:  quoted-printable ",
                                                "Content-Transfer-Encoding-X: 7bit",
                                                "Content-Typo: x",
                                                "Content-Type",
                                                "\fContent-Type: odd",
                                                "\vcontent-transfer-encoding: odd",
                                                "Cc: c",
                                                "Subject: s",
                                                " folded",
                                                "\tcharset=us-ascii",
                                                " \t",
                                                "body",
                                                "\n",
                                                "\r\n",
                                                "\r",
                                                "\n",
                                                "\r\n",
                                                "\n\n"};
  std::mt19937 random(41);
  for (int round = 0; round < 20000; ++round) {
    const std::string text = random_text(random, pieces, random() % 24);
    CAPTURE(text);
    const MimePart expected = smtpcodes::detail::split_part(text, 2);
    smtpcodes::detail::PartFields fields{"stale", "stale"};
    const MimePart part = smtpcodes::detail::split_part_reading(text, 2, fields);
    REQUIRE(part.headers.data() == expected.headers.data());
    REQUIRE(part.headers.size() == expected.headers.size());
    REQUIRE(part.body.data() == expected.body.data());
    REQUIRE(part.body.size() == expected.body.size());
    REQUIRE(part.depth == 2);
    const std::string_view type = smtpcodes::header_value(expected.headers, "Content-Type");
    const std::string_view encoding = smtpcodes::header_value(expected.headers, "Content-Transfer-Encoding");
    REQUIRE(fields.content_type.data() == type.data());
    REQUIRE(fields.content_type.size() == type.size());
    REQUIRE(fields.transfer_encoding.data() == encoding.data());
    REQUIRE(fields.transfer_encoding.size() == encoding.size());
  }
}

TEST_CASE("for_each_mime_part finds the parts a line-by-line walk finds, on random multipart messages") {
  const std::vector<std::string_view> pieces = {"--b",    "--b--",
                                                "--b \t", "--bb",
                                                "-- b",   "--c",
                                                "--",     "-",
                                                "---",    "text",
                                                "a-b",    " --b",
                                                "\n",     "\r\n",
                                                "\r",     "\n",
                                                "\n",     "Content-Type: multipart/mixed; boundary=c",
                                                "\n\n",   "Content-Type: multipart/alternative; boundary=b\n\n"};
  std::mt19937 random(29);
  for (int round = 0; round < 20000; ++round) {
    const std::string message =
        "Content-Type: multipart/mixed; boundary=b\n\n" + random_text(random, pieces, random() % 40);
    std::vector<MimePart> expected;
    reference_walk(message, 0, expected);
    std::vector<MimePart> parts;
    const MimeWalk walk =
        smtpcodes::for_each_mime_part(message, [&parts](const MimePart& part) { parts.push_back(part); });
    CAPTURE(message);
    REQUIRE(parts.size() == expected.size());
    REQUIRE(walk.parts == expected.size());
    for (std::size_t i = 0; i < parts.size(); ++i) {
      CHECK(parts[i].headers.data() == expected[i].headers.data());
      CHECK(parts[i].headers.size() == expected[i].headers.size());
      CHECK(parts[i].body.data() == expected[i].body.data());
      CHECK(parts[i].body.size() == expected[i].body.size());
      CHECK(parts[i].depth == expected[i].depth);
      CHECK(parts[i].parts_not_walked == expected[i].parts_not_walked);
    }
  }
}

TEST_CASE("next_dash_line agrees with a byte-by-byte search at every offset") {
  const auto reference = [](std::string_view text, std::size_t from) {
    for (std::size_t at = from; at + 1 < text.size(); ++at) {
      const bool line_start = at == 0 || text[at - 1] == '\n' || text[at - 1] == '\r';
      if (line_start && text[at] == '-' && text[at + 1] == '-') return at;
    }
    return std::string_view::npos;
  };
  const std::vector<std::string_view> pieces = {"-", "--", "a", "a-b", "\n", "\r", "\r\n", "text of a line", " "};
  std::mt19937 random(53);
  for (int round = 0; round < 4000; ++round) {
    const std::string text = random_text(random, pieces, random() % 60);
    CAPTURE(text);
    for (std::size_t from = 0; from <= text.size(); ++from) {
      CAPTURE(from);
      REQUIRE(smtpcodes::detail::next_dash_line(text, from) == reference(text, from));
    }
  }
  static_assert(smtpcodes::detail::next_dash_line("a--b\n--c", 0) == 5);
  static_assert(smtpcodes::detail::next_dash_line("--", 1) == std::string_view::npos);
}

TEST_CASE("ifind and ifind_anchored agree with a byte-by-byte search at every offset") {
  auto naive = [](std::string_view text, std::string_view needle, std::size_t from) {
    if (needle.empty()) return from <= text.size() ? from : std::string_view::npos;
    for (std::size_t i = from; i + needle.size() <= text.size(); ++i) {
      std::size_t k = 0;
      while (k < needle.size() && smtpcodes::detail::to_lower(text[i + k]) == needle[k]) ++k;
      if (k == needle.size()) return i;
    }
    return std::string_view::npos;
  };
  // Letters in both cases and the bytes that differ from a letter by 0x20 only.
  constexpr std::string_view alphabet = "aAbB@`\x01!\xc1\xe1 -:zZ";
  constexpr std::string_view needle_alphabet = "ab@`-:z !\x01";
  std::mt19937 random(41);
  for (int round = 0; round < 100000; ++round) {
    std::string text(random() % 48, ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    std::string needle(1 + random() % 3, ' ');
    for (char& c : needle) c = needle_alphabet[random() % needle_alphabet.size()];
    const std::size_t from = random() % (text.size() + 3);
    CAPTURE(text);
    CAPTURE(needle);
    CAPTURE(from);
    REQUIRE(smtpcodes::detail::ifind(text, needle, from) == naive(text, needle, from));
    REQUIRE(smtpcodes::detail::ifind_anchored(text, "b-", 1, from) == naive(text, "b-", from));
  }
}

TEST_CASE("header_value, the multipart walk and ifind in a constant expression") {
  static_assert(smtpcodes::header_value("\fX: 1\nSubject: a\n b\nsubject: c\n\nSubject: d\n", "SUBJECT") == "a\n b");
  static_assert(smtpcodes::detail::ifind("xxxxxxxxxxxxxxxxxxxxYes", "yes") == 20);
  static_assert(smtpcodes::detail::next_dash_line("a-b\n-x\n--c", 0) == 7);
}

TEST_CASE("unfold: each run of white space between words becomes one space, and the output never overflows") {
  struct Row {
    std::string_view folded;
    std::size_t room;
    std::string_view unfolded;
  };
  constexpr Row rows[] = {
      {"smtp; 550 5.1.1\r\n\tuser unknown", 64, "smtp; 550 5.1.1 user unknown"},
      {"  leading and trailing  \r\n ", 64, "leading and trailing"},
      {"one\n\n\n   two", 64, "one two"},
      {"", 64, ""},
      {"abcdef", 4, "abcd"},    // cut inside a word
      {"abc def", 4, "abc "},   // cut after the space
      {"abc   def", 3, "abc"},  // no room for the space
      {"abc def ghi", 7, "abc def"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.folded);
    char out[64] = {};
    const std::size_t written = smtpcodes::unfold(row.folded, out, row.room);
    CHECK(std::string_view(out, written) == row.unfolded);
    CHECK(written <= row.room);
  }
}
