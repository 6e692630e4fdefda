// <smtpcodes/ostream.hpp> included before the bounce headers: the printers
// must still find the name() of enumerations declared after them.
#include <smtpcodes/ostream.hpp>

#include <smtpcodes/bounces.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>

namespace {

template <class T, class = void>
struct is_streamable : std::false_type {};
template <class T>
struct is_streamable<T, std::void_t<decltype(std::declval<std::ostream&>() << std::declval<const T&>())>>
    : std::true_type {};

template <class T>
std::string printed(const T& value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

}  // namespace

namespace other_library {
enum class Colour { red };
constexpr std::string_view name(Colour /*colour*/) noexcept { return "red"; }
}  // namespace other_library

// Another library's enumeration with a name() of its own stays its own.
static_assert(!smtpcodes::detail::is_displayable_v<other_library::Colour>);
static_assert(is_streamable<smtpcodes::CodeKind>::value);
static_assert(is_streamable<smtpcodes::BounceReason>::value);
static_assert(is_streamable<smtpcodes::MtaLogErrorKind>::value);

TEST_CASE("bounce enumerations print when ostream.hpp comes first") {
  CHECK(printed(smtpcodes::CodeKind::reply_code) == "reply_code");
  CHECK(printed(smtpcodes::CodeKind::enhanced_status) == "enhanced_status");
  CHECK(printed(smtpcodes::BounceReason::mailbox_full) == smtpcodes::name(smtpcodes::BounceReason::mailbox_full));
  CHECK(printed(smtpcodes::MtaLogErrorKind::no_outcome) == "no_outcome");
  CHECK(printed(static_cast<smtpcodes::CodeKind>(7)) == "undefined (7)");
}
