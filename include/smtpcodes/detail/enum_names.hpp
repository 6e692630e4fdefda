#ifndef SMTPCODES_DETAIL_ENUM_NAMES_HPP
#define SMTPCODES_DETAIL_ENUM_NAMES_HPP

#include <cstddef>
#include <string_view>

namespace smtpcodes {
inline namespace v0 {
namespace detail {

// The index-th name of a list of '\0'-terminated names ending in an empty
// one, or past_end ("undefined") past its end. name() and title() of the
// enumerations read such lists instead of switching over the enumerators: a
// case returning a string costs the compiler about ten times as much as one
// more string in a list, and every includer pays it. (past_end is a pointer
// because a std::string_view default argument would be converted again, at
// a price, at every call site.)
[[nodiscard]] constexpr std::string_view nth_name(std::size_t index, const char* names,
                                                  const char* past_end = "undefined") noexcept {
  // char_traits<char>::length is strlen at run time, a loop in constant expressions.
  using traits = std::char_traits<char>;
  for (std::size_t length = traits::length(names); length != 0; length = traits::length(names)) {
    if (index == 0) return std::string_view{names, length};
    names += length + 1;
    --index;
  }
  return std::string_view{past_end, traits::length(past_end)};
}

}  // namespace detail
}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_DETAIL_ENUM_NAMES_HPP
