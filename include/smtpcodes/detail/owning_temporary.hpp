#ifndef SMTPCODES_DETAIL_OWNING_TEMPORARY_HPP
#define SMTPCODES_DETAIL_OWNING_TEMPORARY_HPP

// The test for the overloads that the parsers returning views delete. It
// names no owning string type, so that the headers using it need not
// include <string> (a third of what the bounce layer cost to compile).
#include <string_view>
#include <type_traits>

namespace smtpcodes {
inline namespace v0 {
namespace detail {

// An owning temporary that converts to std::string_view (a std::string
// returned by a function): a view into it would dangle at the end of the
// full expression, so the parsers that return views delete their overloads
// for it. Lvalues and views themselves pass.
template <class Text>
inline constexpr bool owning_temporary_v =
    !std::is_lvalue_reference_v<Text> && std::is_class_v<std::remove_cv_t<std::remove_reference_t<Text>>> &&
    !std::is_same_v<std::remove_cv_t<std::remove_reference_t<Text>>, std::string_view> &&
    std::is_convertible_v<Text, std::string_view>;

}  // namespace detail
}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_DETAIL_OWNING_TEMPORARY_HPP
