#ifndef SMTPCODES_FORMAT_HPP
#define SMTPCODES_FORMAT_HPP

// std::formatter and fmt::formatter for every smtpcodes type. Optional: the
// umbrella header does not include it.
//
//   SMTPCODES_USE_STD_FORMAT  1 when the standard library has a usable
//                             <format> (__cpp_lib_format); define it to 0 to
//                             leave std::formatter alone.
//   SMTPCODES_USE_FMT         1 when <fmt/format.h> can be included (fmt 8
//                             or later is used); define it to 0 to leave fmt
//                             alone.
//
// The format spec is the one for strings (fill, align, width, precision):
// std::format("{:>7}", 550_reply) gives "    550".

#include <string_view>
#include <type_traits>

#include <smtpcodes/detail/display.hpp>

#if defined(__has_include)
#if __has_include(<version>)
#include <version>
#endif
#endif

#if !defined(SMTPCODES_USE_STD_FORMAT)
#if defined(__cpp_lib_format) && __cpp_lib_format >= 201907L && defined(__cpp_concepts)
#define SMTPCODES_USE_STD_FORMAT 1
#else
#define SMTPCODES_USE_STD_FORMAT 0
#endif
#endif

#if !defined(SMTPCODES_USE_FMT)
#if defined(FMT_VERSION)
#define SMTPCODES_USE_FMT 1
#elif defined(__has_include)
#if __has_include(<fmt/format.h>)
#define SMTPCODES_USE_FMT 1
#else
#define SMTPCODES_USE_FMT 0
#endif
#else
#define SMTPCODES_USE_FMT 0
#endif
#endif

#if SMTPCODES_USE_STD_FORMAT
#include <format>

namespace smtpcodes {
inline namespace v0 {
namespace detail {

using StringFormatter = std::formatter<std::string_view, char>;

// formatter::format() became const with P2418 (a defect report against
// C++20); some libraries shipped <format> before that. The specialization
// below matches whichever the library's string formatter has.
template <class Context>
concept const_string_format = requires(const StringFormatter& formatter, std::string_view text, Context& context) {
  formatter.format(text, context);
};
template <class Context>
concept mutable_string_format = !const_string_format<Context>;

}  // namespace detail
}  // namespace v0
}  // namespace smtpcodes

// One constrained specialization covers every type that has a text, so a new
// type needs no change here (see detail/display.hpp).
template <class T>
requires smtpcodes::detail::is_displayable_v<T>
struct std::formatter<T, char> : smtpcodes::detail::StringFormatter {
  template <smtpcodes::detail::const_string_format FormatContext>
  auto format(const T& value, FormatContext& context) const {
    const smtpcodes::detail::DisplayText text = smtpcodes::detail::display_text(value);
    return smtpcodes::detail::StringFormatter::format(text.view(), context);
  }

  template <smtpcodes::detail::mutable_string_format FormatContext>
  auto format(const T& value, FormatContext& context) {
    const smtpcodes::detail::DisplayText text = smtpcodes::detail::display_text(value);
    return smtpcodes::detail::StringFormatter::format(text.view(), context);
  }
};
#endif

#if SMTPCODES_USE_FMT
#include <fmt/format.h>

// fmt 8 made formatter::format() const; older versions are left alone.
#if FMT_VERSION >= 80000
template <class T>
struct fmt::formatter<T, char, std::enable_if_t<smtpcodes::detail::is_displayable_v<T>>>
    : fmt::formatter<fmt::string_view, char> {
  template <class FormatContext>
  auto format(const T& value, FormatContext& context) const -> decltype(context.out()) {
    const smtpcodes::detail::DisplayText text = smtpcodes::detail::display_text(value);
    const std::string_view view = text.view();
    return fmt::formatter<fmt::string_view, char>::format(fmt::string_view(view.data(), view.size()), context);
  }
};
#endif
#endif

#endif  // SMTPCODES_FORMAT_HPP
