// The literals: 550_reply and "5.1.1"_status.
#include <doctest/doctest.h>

#include <cstdint>

#include <smtpcodes/literals.hpp>

using namespace smtpcodes::literals;

static_assert(550_reply == *smtpcodes::ReplyCode::from_value(550));
static_assert((571_reply).value() == 571 && !(571_reply).is_standard());
static_assert((100_reply).value() == 100 && (999_reply).value() == 999);
static_assert("5.1.1"_status == *smtpcodes::parse_enhanced_status("5.1.1"));
static_assert("4.7.606"_status.detail() == 606);
static_assert("2.0.0"_status.is_success());

static_assert(smtpcodes::detail::is_reply_code_literal<'5', '5', '0'>());
static_assert(!smtpcodes::detail::is_reply_code_literal<'5', '5'>());
static_assert(!smtpcodes::detail::is_reply_code_literal<'5', '5', '0', '0'>());
static_assert(!smtpcodes::detail::is_reply_code_literal<'0', '5', '0'>());
static_assert(!smtpcodes::detail::is_reply_code_literal<'0', 'x', '1'>());
static_assert(!smtpcodes::detail::is_reply_code_literal<'5', '\'', '0'>());

namespace {
template <class T>
std::uint32_t status_key_in_template(T /*unused*/) {
  return ("5.1.1"_status).key();
}
}  // namespace

// A literal inside a template is evaluated too (Clang 14's consteval left it
// as an undefined reference, so this fails to link where that happens).
TEST_CASE("literals inside templates and generic lambdas") {
  CHECK(status_key_in_template(0) == 5001001U);
  const auto in_generic_lambda = [](auto) { return ("4.2.2"_status).key() + (550_reply).value(); };
  CHECK(in_generic_lambda(0) == 4002002U + 550U);
}

TEST_CASE("literals give the same values as the parsers at run time") {
  const smtpcodes::ReplyCode code = 421_reply;
  CHECK(code == *smtpcodes::parse_reply("421"));
  const smtpcodes::EnhancedStatus status = "5.7.26"_status;
  CHECK(status == *smtpcodes::parse_enhanced_status("5.7.26"));
}

#if !SMTPCODES_HAS_CONSTEVAL
TEST_CASE("before C++20 a bad status literal evaluated at run time throws") {
  CHECK_THROWS_AS((void)smtpcodes::literals::operator""_status("5.1", 3), smtpcodes::BadResultAccess);
}
#endif
