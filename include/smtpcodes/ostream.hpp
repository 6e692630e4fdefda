#ifndef SMTPCODES_OSTREAM_HPP
#define SMTPCODES_OSTREAM_HPP

// operator<< for every smtpcodes type. Optional: the umbrella header does not
// include it, so programs that do not print with streams do not pay for
// <ostream>. The text is the same as std::format and fmt::format give.

#include <ostream>
#include <type_traits>

#include <smtpcodes/detail/display.hpp>

namespace smtpcodes {
inline namespace v0 {

// Found by argument-dependent lookup for the types of this namespace only.
// The text goes out in one piece, so std::setw and std::left apply to all of it.
template <class T, std::enable_if_t<detail::is_displayable_v<T>, int> = 0>
std::ostream& operator<<(std::ostream& out, const T& value) {
  detail::DisplayText text;
  display(text, value);
  return out << text.view();
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_OSTREAM_HPP
