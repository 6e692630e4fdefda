#ifndef SMTPCODES_FORMAT_HPP
#define SMTPCODES_FORMAT_HPP

// std::formatter and fmt::formatter for every smtpcodes type. Optional: the
// umbrella header does not include it.
//
//   SMTPCODES_USE_STD_FORMAT  1 when the standard library has a usable
//                             <format> (__cpp_lib_format); define it to 0 to
//                             leave std::formatter alone.
//   SMTPCODES_USE_FMT         1 when <fmt/format.h> can be included; define it
//                             to 0 to leave fmt alone, or to 1 to insist.
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

// One constrained specialization covers every type that has a text, so a new
// type needs no change here (see detail/display.hpp).
template <class T>
requires smtpcodes::detail::is_displayable_v<T>
struct std::formatter<T, char> {
  constexpr auto parse(std::basic_format_parse_context<char>& context) { return text_formatter_.parse(context); }

  template <class FormatContext>
  auto format(const T& value, FormatContext& context) const {
    smtpcodes::detail::DisplayText text;
    display(text, value);
    return text_formatter_.format(text.view(), context);
  }

 private:
  // mutable: in some standard libraries (libc++ 14) format() is not const.
  mutable std::formatter<std::string_view, char> text_formatter_;
};
#endif

#if SMTPCODES_USE_FMT
#include <fmt/format.h>

template <class T>
struct fmt::formatter<T, char, std::enable_if_t<smtpcodes::detail::is_displayable_v<T>>> {
  template <class ParseContext>
  constexpr auto parse(ParseContext& context) -> decltype(context.begin()) {
    return text_formatter_.parse(context);
  }

  template <class FormatContext>
  auto format(const T& value, FormatContext& context) const -> decltype(context.out()) {
    smtpcodes::detail::DisplayText text;
    display(text, value);
    const std::string_view view = text.view();
    return text_formatter_.format(fmt::string_view(view.data(), view.size()), context);
  }

 private:
  // mutable: before fmt 8, format() was not const.
  mutable fmt::formatter<fmt::string_view, char> text_formatter_;
};
#endif

#endif  // SMTPCODES_FORMAT_HPP
