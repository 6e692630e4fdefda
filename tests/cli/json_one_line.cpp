// The CLI's JSON writer puts a diagnostic on one line in one pass
// (append_json_one_line): the same text as the three steps it replaces,
// unfold, append_valid_utf8 and append_json_string, at every limit.
#include <doctest/doctest.h>

#include <cstddef>
#include <iterator>
#include <random>
#include <string>
#include <string_view>

#include <smtpcodes/bounce/mime.hpp>

#include "../../examples/smtpcodes/json.hpp"

namespace {

std::string three_steps(std::string_view text, std::size_t max_characters, bool& truncated) {
  std::string unfolded(text.size(), '\0');
  unfolded.resize(smtpcodes::unfold(text, unfolded.data(), text.size()));
  std::string valid;
  smtpcodes_cli::append_valid_utf8(valid, unfolded, max_characters, &truncated);
  std::string json;
  smtpcodes_cli::append_json_string(json, valid);
  return json;
}

}  // namespace

TEST_CASE("append_json_one_line: white space folded, the limit in characters, bad UTF-8 replaced, JSON escapes") {
  struct Row {
    std::string_view text;
    std::size_t limit;
    std::string_view json;
    bool truncated;
  };
  const Row rows[] = {
      {"smtp; 550 5.1.1\r\n\tuser \"unknown\"", 100, R"("smtp; 550 5.1.1 user \"unknown\"")", false},
      {"  a\\b \x01 \x7f  ", 100, R"("a\\b \u0001 \u007f")", false},
      {"abc def", 4, R"("abc ")", true},
      {"abc def", 3, R"("abc")", true},
      {"abc   ", 3, R"("abc")", false},
      {"caf\xc3\xa9 \xff!", 100, "\"caf\xc3\xa9 \xef\xbf\xbd!\"", false},
      {"\xc3\n\xa9", 100, "\"\xef\xbf\xbd \xef\xbf\xbd\"", false},
      {"", 10, R"("")", false},
      {"x", 0, R"("")", true},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CAPTURE(row.limit);
    std::string json;
    bool truncated = !row.truncated;
    smtpcodes_cli::append_json_one_line(json, row.text, row.limit, truncated);
    CHECK(json == row.json);
    CHECK(truncated == row.truncated);
  }
}

TEST_CASE("append_json_one_line gives the text of unfold, append_valid_utf8 and append_json_string") {
  const std::string_view pieces[] = {"a",
                                     "word",
                                     " ",
                                     "  ",
                                     "\t",
                                     "\n",
                                     "\r\n",
                                     "\v",
                                     "\f",
                                     "\"",
                                     "\\",
                                     "\x01",
                                     "\x7f",
                                     "\x1f",
                                     "x y",
                                     "\xc3\xa9",
                                     "\xe2\x82\xac",
                                     "\xf0\x9f\x98\x80",
                                     "\xc3",
                                     "\xe2\x82",
                                     "\xff",
                                     "\x80",
                                     "Recipient address rejected",
                                     "a  b",
                                     std::string_view("\0", 1)};
  const std::size_t limits[] = {0, 1, 2, 3, 4, 5, 7, 9, 13, 1000, std::string_view::npos};
  std::mt19937 random(59);
  for (int round = 0; round < 50000; ++round) {
    std::string text;
    const auto count = random() % 20;
    for (unsigned long k = 0; k < count; ++k) text += pieces[random() % std::size(pieces)];
    for (const std::size_t limit : limits) {
      CAPTURE(text);
      CAPTURE(limit);
      bool expected_truncated = false;
      const std::string expected = three_steps(text, limit, expected_truncated);
      std::string json;
      bool truncated = false;
      smtpcodes_cli::append_json_one_line(json, text, limit, truncated);
      REQUIRE(json == expected);
      REQUIRE(truncated == expected_truncated);
    }
  }
}
