// Result, ParseError messages and FixedString.
#include <doctest/doctest.h>

#include <smtpcodes/enhanced_status.hpp>
#include <smtpcodes/fixed_string.hpp>
#include <smtpcodes/parse_error.hpp>
#include <smtpcodes/reply_code.hpp>
#include <smtpcodes/result.hpp>

#include <set>
#include <string_view>
#include <type_traits>

using smtpcodes::ParseError;
using smtpcodes::ParseErrorKind;
using smtpcodes::ReplyCode;

namespace {
constexpr ParseErrorKind every_kind[] = {
    ParseErrorKind::empty_input,       ParseErrorKind::too_short,           ParseErrorKind::not_a_digit,
    ParseErrorKind::too_many_digits,   ParseErrorKind::invalid_first_digit, ParseErrorKind::invalid_second_digit,
    ParseErrorKind::invalid_separator, ParseErrorKind::invalid_class,       ParseErrorKind::missing_dot,
    ParseErrorKind::leading_zero,      ParseErrorKind::trailing_characters, ParseErrorKind::value_out_of_range,
};
}  // namespace

TEST_CASE("every error kind has a distinct name and a message") {
  std::set<std::string_view> names;
  std::set<std::string_view> messages;
  for (ParseErrorKind kind : every_kind) {
    names.insert(name(kind));
    messages.insert(message(kind));
    CHECK(name(kind) != "unknown_error");
    CHECK(message(kind) != "unknown error");
  }
  CHECK(names.size() == std::size(every_kind));
  CHECK(messages.size() == std::size(every_kind));
  CHECK(name(static_cast<ParseErrorKind>(200)) == "unknown_error");
  CHECK(message(ParseError{ParseErrorKind::leading_zero, 2}) == message(ParseErrorKind::leading_zero));
}

TEST_CASE("a Result with a value") {
  const smtpcodes::Result<ReplyCode> result = *ReplyCode::from_value(550);
  CHECK(result.has_value());
  CHECK(static_cast<bool>(result));
  CHECK(result.value().value() == 550);
  CHECK((*result).value() == 550);
  CHECK(result->value() == 550);
  CHECK(result.value_or(ReplyCode{}).value() == 550);
  CHECK(result == *ReplyCode::from_value(550));
  CHECK(result != *ReplyCode::from_value(551));
  CHECK(result != ParseError{});
}

TEST_CASE("a Result with an error") {
  const smtpcodes::Result<ReplyCode> result = smtpcodes::parse_reply("5x");
  CHECK_FALSE(result.has_value());
  CHECK_FALSE(static_cast<bool>(result));
  CHECK(result.error() == ParseError{ParseErrorKind::not_a_digit, 1});
  CHECK(result == ParseError{ParseErrorKind::not_a_digit, 1});
  CHECK(result != ParseError{ParseErrorKind::not_a_digit, 2});
  CHECK(result.value_or(*ReplyCode::from_value(421)).value() == 421);
  CHECK(result->value() == 0);  // no undefined behaviour: the empty value
  CHECK(result != ReplyCode{});
  CHECK_THROWS_AS((void)result.value(), smtpcodes::BadResultAccess);
  CHECK(std::string_view(smtpcodes::BadResultAccess{}.what()).find("value()") != std::string_view::npos);
}

TEST_CASE("FixedString holds what fits and says when it cut") {
  smtpcodes::FixedString<5> text;
  CHECK(text.empty());
  CHECK(text.capacity() == 5);
  CHECK(text.append("abc"));
  CHECK_FALSE(text.append("def"));
  CHECK(text == "abcde");
  CHECK(text != "abc");
  CHECK(text.size() == 5);
  CHECK(std::string_view(text.c_str()) == "abcde");
  const std::string_view view = text;
  CHECK(view == "abcde");
}

namespace {
// A value a fill writes, and an error it may report instead.
struct Pair {
  int first = 0;
  int second = 0;
};
constexpr smtpcodes::Result<Pair, ParseError> filled(bool succeed) {
  return smtpcodes::Result<Pair, ParseError>(smtpcodes::in_place_fill, [succeed](Pair& value, ParseError& error) {
    value.first = 1;  // written before it fails: the Result goes back to Pair{}
    if (!succeed) {
      error = ParseError{ParseErrorKind::too_short, 3};
      return false;
    }
    value.second = 2;
    return true;
  });
}
}  // namespace

TEST_CASE("a Result built in place") {
  const auto value = filled(true);
  REQUIRE(value.has_value());
  CHECK(value->first == 1);
  CHECK(value->second == 2);
  CHECK(value.error() == ParseError{});
  const auto error = filled(false);
  REQUIRE_FALSE(error.has_value());
  CHECK(error.error() == ParseError{ParseErrorKind::too_short, 3});
  CHECK(error->first == 0);  // the empty value, as in any Result with an error
  CHECK(error->second == 0);
  static_assert(filled(true)->second == 2);
  static_assert(!filled(false).has_value() && filled(false)->first == 0);
}

TEST_CASE("a Result built in place is noexcept exactly when the fill is") {
  using R = smtpcodes::Result<Pair, ParseError>;
  const auto quiet = [](Pair& /*value*/, ParseError& /*error*/) noexcept { return true; };
  const auto loud = [](Pair& /*value*/, ParseError& /*error*/) { return true; };
  static_assert(std::is_nothrow_constructible_v<R, smtpcodes::InPlaceFill, decltype(quiet)>);
  static_assert(!std::is_nothrow_constructible_v<R, smtpcodes::InPlaceFill, decltype(loud)>);
  // Only a fill that takes the value and the error and answers bool.
  const auto wrong = [](Pair& /*value*/) { return true; };
  static_assert(!std::is_constructible_v<R, smtpcodes::InPlaceFill, decltype(wrong)>);
  CHECK(R(smtpcodes::in_place_fill, quiet).has_value());
}
