// The parsers give the same answers in a constant expression as at run time:
// a table of inputs is evaluated once by the compiler and once by the
// program, and every outcome is compared.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include <doctest/doctest.h>

#include <smtpcodes/smtpcodes.hpp>

using smtpcodes::ParseErrorKind;
using smtpcodes::ParseMode;

namespace {

constexpr std::string_view inputs[] = {
    "",
    "5",
    "55",
    "550",
    "5500",
    "550 ok",
    "550-ok",
    "550\r\n",
    "550\r",
    "550\rx",
    "550\n",
    "550\t",
    "550x",
    "099",
    "100",
    "199 x",
    "250",
    "354 go",
    "421-a\r\n",
    "599",
    "600",
    "650\t",
    "999",
    "2a0",
    "-550",
    " 550",
    "5.1.1",
    "4.7.606",
    "2.0.0",
    "5.999.999",
    "5.01.001",
    "5.0.00001",
    "5.1.1000",
    "5.1",
    "5.1.",
    "5..1",
    "3.1.1",
    "5.1.1 ",
    "55.1.1",
    "5.1.01",
    "5,1,1",
    "5",
    "5.",
    "x",
    ".",
    "4.4.7\r\n",
    "2.1000.0",
    "5.7.26",
    "5.000.000",
    std::string_view("5.1\0"
                     "1",
                     5),
    std::string_view("\0"
                     "50",
                     3),
    "\xff\xfe",
    "5.\xff.1",
};
constexpr std::size_t input_count = std::size(inputs);
constexpr ParseMode modes[] = {ParseMode::strict, ParseMode::lenient};

// One parse, flattened into plain numbers so both sides compare the same way.
struct Outcome {
  bool ok = false;
  std::uint32_t value = 0;  // the code's value or the status's key()
  ParseErrorKind kind{};
  std::size_t offset = 0;
  std::size_t end = 0;
  std::array<char, 10> printed{};

  friend bool operator==(const Outcome& a, const Outcome& b) {
    return a.ok == b.ok && a.value == b.value && a.kind == b.kind && a.offset == b.offset && a.end == b.end &&
           a.printed == b.printed;
  }
};

template <class T>
constexpr Outcome outcome(const smtpcodes::Result<T>& result, std::size_t end, std::uint32_t value) {
  Outcome out;
  out.ok = result.has_value();
  out.end = result.has_value() ? end : 0;
  if (out.ok) {
    out.value = value;
    const auto text = smtpcodes::to_string(*result);
    for (std::size_t i = 0; i < text.size(); ++i) out.printed[i] = text.view()[i];
  } else {
    out.kind = result.error().kind;
    out.offset = result.error().offset;
  }
  return out;
}

// Four outcomes per input and mode: parse_reply, scan_reply_code,
// parse_enhanced_status, scan_enhanced_status.
constexpr std::array<Outcome, 4> evaluate(std::string_view input, ParseMode mode) {
  std::array<Outcome, 4> out{};
  std::size_t end = 0;
  const auto reply = smtpcodes::parse_reply(input, mode);
  out[0] = outcome(reply, 3, reply ? reply->value() : 0);
  const auto scanned_reply = smtpcodes::detail::scan_reply_code(input, mode, end);
  out[1] = outcome(scanned_reply, end, scanned_reply ? scanned_reply->value() : 0);
  const auto status = smtpcodes::parse_enhanced_status(input, mode);
  out[2] = outcome(status, input.size(), status ? status->key() : 0);
  end = 0;
  const auto scanned_status = smtpcodes::detail::scan_enhanced_status(input, mode, end);
  out[3] = outcome(scanned_status, end, scanned_status ? scanned_status->key() : 0);
  return out;
}

constexpr auto evaluate_table() {
  std::array<std::array<Outcome, 4>, input_count * 2> table{};
  for (std::size_t i = 0; i < input_count; ++i) {
    for (std::size_t m = 0; m < 2; ++m) table[i * 2 + m] = evaluate(inputs[i], modes[m]);
  }
  return table;
}

constexpr auto compile_time_table = evaluate_table();

// A sanity check that the table really holds parses, not defaults.
constexpr std::size_t row_550_strict = 3 * std::size(modes);
static_assert(compile_time_table[row_550_strict][0].ok && compile_time_table[row_550_strict][0].value == 550);
static_assert(!compile_time_table[0][0].ok && compile_time_table[0][0].kind == ParseErrorKind::empty_input);

// The reply code literal's check accepts exactly the three-digit strings that
// lenient parsing accepts in full.
template <std::size_t... Values>
constexpr std::array<bool, sizeof...(Values)> literal_checks(std::index_sequence<Values...> /*values*/) {
  return {smtpcodes::detail::is_reply_code_literal<static_cast<char>('0' + Values / 100),
                                                   static_cast<char>('0' + Values / 10 % 10),
                                                   static_cast<char>('0' + Values % 10)>()...};
}
constexpr auto literal_accepts = literal_checks(std::make_index_sequence<1000>{});
static_assert(!smtpcodes::detail::is_reply_code_literal<'5', '5'>());
static_assert(!smtpcodes::detail::is_reply_code_literal<'5', '5', '0', '0'>());
static_assert(!smtpcodes::detail::is_reply_code_literal<'0', 'x', '2'>());
static_assert(!smtpcodes::detail::is_reply_code_literal<'5', '\'', '5'>());

}  // namespace

TEST_CASE("constant-expression and run-time parses agree") {
  for (std::size_t i = 0; i < input_count; ++i) {
    // A copy the compiler cannot see through at compile time.
    const std::string copy(inputs[i]);
    const std::string_view input(copy.data(), copy.size());
    for (std::size_t m = 0; m < 2; ++m) {
      const auto run_time = evaluate(input, modes[m]);
      for (std::size_t parser = 0; parser < 4; ++parser) {
        CAPTURE(i);
        CAPTURE(m);
        CAPTURE(parser);
        CHECK(run_time[parser] == compile_time_table[i * 2 + m][parser]);
      }
    }
  }
}

TEST_CASE("the reply code literal's check matches lenient parsing of three digits") {
  for (std::size_t value = 0; value < 1000; ++value) {
    char digits[3] = {static_cast<char>('0' + value / 100), static_cast<char>('0' + value / 10 % 10),
                      static_cast<char>('0' + value % 10)};
    CAPTURE(value);
    CHECK(literal_accepts[value] ==
          smtpcodes::parse_reply(std::string_view(digits, 3), ParseMode::lenient).has_value());
  }
}

TEST_CASE("the enhanced status literal agrees with strict parsing") {
  using namespace smtpcodes::literals;
  constexpr smtpcodes::EnhancedStatus literals[] = {"5.1.1"_status, "4.7.606"_status, "2.0.0"_status,
                                                    "5.999.999"_status};
  const std::string texts[] = {"5.1.1", "4.7.606", "2.0.0", "5.999.999"};
  for (std::size_t i = 0; i < std::size(texts); ++i) CHECK(smtpcodes::parse_enhanced_status(texts[i]) == literals[i]);
}
