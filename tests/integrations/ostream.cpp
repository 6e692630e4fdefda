#include <smtpcodes/ostream.hpp>

#include <doctest/doctest.h>

#include <iomanip>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>

#include "display_cases.hpp"

using namespace smtpcodes::literals;

namespace {

template <class T, class = void>
struct is_streamable : std::false_type {};
template <class T>
struct is_streamable<T, std::void_t<decltype(std::declval<std::ostream&>() << std::declval<const T&>())>>
    : std::true_type {};

struct NotOurs {};

}  // namespace

// Every public type prints; types that are not ours are left alone.
static_assert(is_streamable<smtpcodes::ReplyCode>::value);
static_assert(is_streamable<smtpcodes::EnhancedStatus>::value);
static_assert(is_streamable<smtpcodes::Severity>::value);
static_assert(is_streamable<smtpcodes::Category>::value);
static_assert(is_streamable<smtpcodes::StatusClass>::value);
static_assert(is_streamable<smtpcodes::Subject>::value);
static_assert(is_streamable<smtpcodes::ParseErrorKind>::value);
static_assert(is_streamable<smtpcodes::ParseError>::value);
static_assert(is_streamable<smtpcodes::FixedString<9>>::value);
static_assert(is_streamable<smtpcodes::Result<smtpcodes::ReplyCode>>::value);
static_assert(is_streamable<smtpcodes::Result<smtpcodes::EnhancedStatus>>::value);
static_assert(is_streamable<smtpcodes::ReplyErrorKind>::value);
static_assert(is_streamable<smtpcodes::ReplyError>::value);
static_assert(is_streamable<smtpcodes::Reply>::value);
static_assert(is_streamable<smtpcodes::BasicReply<2>>::value);
static_assert(is_streamable<smtpcodes::Result<smtpcodes::Reply, smtpcodes::ReplyError>>::value);
static_assert(is_streamable<smtpcodes::Extension>::value);
static_assert(is_streamable<smtpcodes::Actor>::value);
static_assert(is_streamable<smtpcodes::ParseMode>::value);
static_assert(is_streamable<smtpcodes::Verification>::value);
static_assert(is_streamable<smtpcodes::AssociationKind>::value);
static_assert(is_streamable<smtpcodes::StatusMatch>::value);
static_assert(!is_streamable<NotOurs>::value);
static_assert(!is_streamable<smtpcodes::Result<int, NotOurs>>::value);

TEST_CASE("operator<< writes the text of every type") {
  smtpcodes_test::for_each_display_case([](const auto& value, std::string_view expected) {
    std::ostringstream out;
    out << value;
    CHECK(out.str() == expected);
  });
}

TEST_CASE("operator<< honours width and alignment for the whole text") {
  std::ostringstream out;
  out << '[' << std::setw(6) << 550_reply << "][" << std::left << std::setw(8) << "5.1.1"_status << ']';
  CHECK(out.str() == "[   550][5.1.1   ]");
}

TEST_CASE("operator<< keeps texts longer than the inline buffer") {
  smtpcodes::detail::DisplayText text;
  const std::string long_text(300, 'x');
  text.append("550 ");
  text.append(long_text);
  text.append_number(7);
  CHECK(text.view() == "550 " + long_text + "7");
}
