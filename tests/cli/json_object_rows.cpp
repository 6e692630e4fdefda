// The CLI's JSON rows: an object written onto a target gathers its short
// fields and appends them in one piece. The text must be the one the same
// object gives on its own (str()), after whatever the target held, for rows
// of every shape: short and long fields, escapes, more fields than the
// gathered piece holds, keys given as literals (not tested for escapes)
// and as views.
#include <doctest/doctest.h>

#include <cstddef>
#include <random>
#include <string>
#include <string_view>

#include "../../examples/smtpcodes/json.hpp"

namespace {

std::string random_text(std::mt19937& random, std::size_t max_size) {
  constexpr std::string_view bytes = "abcdefghij @.-_\"\\\n\t\x01\xC3\xA9\xFF";
  std::string text(std::uniform_int_distribution<std::size_t>(0, max_size)(random), 'x');
  for (char& c : text) {
    if (std::uniform_int_distribution<int>(0, 3)(random) == 0) {
      c = bytes[std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(random)];
    }
  }
  return text;
}

}  // namespace

TEST_CASE("a JSON object written onto a target is the object's own text") {
  std::mt19937 random(250);
  std::string target;
  for (int round = 0; round < 20000; ++round) {
    target = random_text(random, 40);
    const std::string before = target;
    smtpcodes_cli::JsonObject row(target);
    smtpcodes_cli::JsonObject alone;
    const int fields = std::uniform_int_distribution<int>(0, 60)(random);
    for (int i = 0; i < fields; ++i) {
      const std::string key =
          std::uniform_int_distribution<int>(0, 9)(random) == 0 ? random_text(random, 12) : "key" + std::to_string(i);
      switch (std::uniform_int_distribution<int>(0, 7)(random)) {
        case 0: {
          const std::string value =
              random_text(random, std::uniform_int_distribution<int>(0, 4)(random) == 0 ? 300 : 20);
          row.string(key, value);
          alone.string(key, value);
          break;
        }
        case 1: {
          const long long value = std::uniform_int_distribution<long long>(-100000, 100000)(random);
          row.number(key, value);
          alone.number(key, value);
          break;
        }
        case 2:
          row.null(key);
          alone.null(key);
          break;
        case 3:
          row.boolean(key, i % 2 == 0);
          alone.boolean(key, i % 2 == 0);
          break;
        case 4: {
          const std::string text = random_text(random, 200);
          bool row_truncated = false;
          bool alone_truncated = false;
          row.one_line(key, text, 50, row_truncated);
          alone.one_line(key, text, 50, alone_truncated);
          CHECK(row_truncated == alone_truncated);
          break;
        }
        case 5:
          row.string_or_null(key, std::nullopt);
          alone.string_or_null(key, std::nullopt);
          break;
        case 6: {
          // Literal keys take the path that does not test them.
          const std::string value = random_text(random, 20);
          row.string("reply_code", value).string_or_null("status", value).string_or_null("phrase", std::nullopt);
          alone.string(std::string_view("reply_code"), value)
              .string_or_null(std::string_view("status"), value)
              .string_or_null(std::string_view("phrase"), std::nullopt);
          break;
        }
        default:
          row.number("line", i).boolean("gave_up", i % 3 == 0).null("message");
          alone.number(std::string_view("line"), i)
              .boolean(std::string_view("gave_up"), i % 3 == 0)
              .null(std::string_view("message"));
          break;
      }
    }
    row.close();
    REQUIRE(target == before + alone.str());
  }
}
