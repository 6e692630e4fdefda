#ifndef SMTPCODES_DETAIL_CALLBACK_HPP
#define SMTPCODES_DETAIL_CALLBACK_HPP

// The one callback convention of every for_each_ function (docs/api.md): the
// callback takes the item and returns bool (false stops the walk) or void
// (the walk goes on). The walk is noexcept exactly when the callback is.
#include <type_traits>
#include <utility>

namespace smtpcodes {
inline namespace v0 {
namespace detail {

template <class Callback, class... Items>
inline constexpr bool is_walk_callback_v = std::is_invocable_v<Callback&, const Items&...> &&
                                           (std::is_same_v<std::invoke_result_t<Callback&, const Items&...>, void> ||
                                            std::is_same_v<std::invoke_result_t<Callback&, const Items&...>, bool>);

template <class Callback, class... Items>
inline constexpr bool is_nothrow_walk_callback_v = std::is_nothrow_invocable_v<Callback&, const Items&...>;

// Calls the callback and says whether the walk goes on. The static_assert
// replaces a page of template errors with one sentence.
template <class Callback, class... Items>
constexpr bool continue_walk(Callback& callback,
                             const Items&... items) noexcept(is_nothrow_walk_callback_v<Callback, Items...>) {
  static_assert(is_walk_callback_v<Callback, Items...>,
                "smtpcodes: a for_each_ callback takes the item by const reference (or by value) and returns "
                "bool (false stops the walk) or void");
  if constexpr (std::is_same_v<std::invoke_result_t<Callback&, const Items&...>, void>) {
    callback(items...);
    return true;
  } else {
    return static_cast<bool>(callback(items...));
  }
}

}  // namespace detail
}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_DETAIL_CALLBACK_HPP
