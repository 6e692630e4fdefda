#ifndef SMTPCODES_DETAIL_DISPLAY_HPP
#define SMTPCODES_DETAIL_DISPLAY_HPP

// The text of every public type, written once and shared by the optional
// integrations (<smtpcodes/ostream.hpp>, <smtpcodes/format.hpp>). A type
// becomes printable by operator<<, std::format and fmt::format through one
// `display(DisplayText&, const T&)` overload in this file; an enumeration
// with a name() function needs none.

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <smtpcodes/smtpcodes.hpp>

namespace smtpcodes {
inline namespace v0 {
namespace detail {
struct OwnEnumeration;
}  // namespace detail

// Never called: detail::has_name asks whether argument-dependent lookup from
// an enumeration reaches this namespace.
template <class Enum, std::enable_if_t<std::is_enum_v<Enum>, int> = 0>
detail::OwnEnumeration name(Enum, detail::OwnEnumeration) noexcept;

namespace detail {

// Collects a value's text. Codes, names and errors fit the inline buffer;
// only longer texts (such as reply lines) move to a std::string.
class DisplayText {
 public:
  DisplayText() noexcept {}  // NOLINT(modernize-use-equals-default): leaves the buffer uninitialised

  void append(std::string_view text) {
    if (!spilled_ && text.size() <= sizeof(buffer_) - size_) {
      std::char_traits<char>::copy(buffer_ + size_, text.data(), text.size());
      size_ += text.size();
      return;
    }
    if (!spilled_) {
      overflow_.assign(buffer_, size_);
      spilled_ = true;
    }
    overflow_.append(text.data(), text.size());
  }

  void append_number(unsigned long long value) {
    char digits[20];
    std::size_t count = 0;
    do {
      digits[sizeof(digits) - ++count] = static_cast<char>('0' + value % 10);
      value /= 10;
    } while (value != 0);
    append(std::string_view(digits + sizeof(digits) - count, count));
  }

  [[nodiscard]] std::string_view view() const noexcept {
    return spilled_ ? std::string_view(overflow_) : std::string_view(buffer_, size_);
  }

 private:
  char buffer_[96];
  std::size_t size_ = 0;
  bool spilled_ = false;
  std::string overflow_;
};

// An enumeration's name() is found by argument-dependent lookup, when the
// enumeration is used: the bounce headers declare theirs after this one may
// have been included. The tagged overload below matches only when that
// lookup reaches namespace smtpcodes, so that an enumeration of another
// library never becomes printable through us.
struct OwnEnumeration {};

namespace adl {

void name();  // hides smtpcodes::name, so that only argument-dependent lookup finds one

template <class Enum, class = void>
struct has_name : std::false_type {};
template <class Enum>
struct has_name<Enum, std::void_t<decltype(name(std::declval<Enum>())),
                                  decltype(name(std::declval<Enum>(), std::declval<OwnEnumeration>()))>>
    : std::is_enum<Enum> {};

template <class Enum>
[[nodiscard]] constexpr std::string_view name_of(Enum value) noexcept {
  return name(value);
}

}  // namespace adl

using adl::has_name;

// Every enumeration that has a name(): Severity, Category, StatusClass,
// Subject, ParseErrorKind, ReplyErrorKind, the registry's enumerations ...
// A number without a name keeps its number, "undefined (9)", so that what a
// server sent is never lost in a log.
template <class Enum, std::enable_if_t<has_name<Enum>::value, int> = 0>
void display(DisplayText& out, Enum value) {
  const std::string_view text = adl::name_of(value);
  out.append(text);
  if (text == "undefined") {
    out.append(" (");
    out.append_number(static_cast<std::underlying_type_t<Enum>>(value));
    out.append(")");
  }
}

inline void display(DisplayText& out, ReplyCode code) { out.append(to_string(code).view()); }
inline void display(DisplayText& out, EnhancedStatus status) { out.append(to_string(status).view()); }

// "too_many_digits at offset 3": the stable identifier and where.
inline void display(DisplayText& out, const ParseError& error) {
  out.append(name(error.kind));
  out.append(" at offset ");
  out.append_number(error.offset);
}

// The registered keyword, "SIZE"; "unknown" for the others.
inline void display(DisplayText& out, Extension extension) {
  const std::string_view text = keyword(extension);
  out.append(text.empty() ? std::string_view("unknown") : text);
}

// "invalid_reply_code (not_a_digit) at offset 4, line 1"
inline void display(DisplayText& out, const ReplyError& error) {
  out.append(name(error.kind));
  if (error.kind == ReplyErrorKind::invalid_reply_code) {
    out.append(" (");
    out.append(name(error.code_error));
    out.append(")");
  }
  out.append(" at offset ");
  out.append_number(error.offset);
  out.append(", line ");
  out.append_number(error.line);
}

// The lines as sent, without their CRLF: "250-first" ... "250 last", one
// per line. An incomplete reply has no last line, so every line has "-".
template <std::size_t MaxLines>
void display(DisplayText& out, const BasicReply<MaxLines>& reply) {
  for (std::size_t index = 0; index < reply.line_count(); ++index) {
    const ReplyLine& line = reply.line(index);
    const bool last = index + 1 == reply.line_count() && reply.complete();
    if (index != 0) out.append("\n");
    out.append(to_string(line.code).view());
    if (!last || !line.text.empty()) out.append(last ? " " : "-");
    out.append(line.text);
  }
}

template <std::size_t Capacity>
void display(DisplayText& out, const FixedString<Capacity>& text) {
  out.append(text.view());
}

template <class T, class = void>
struct is_displayable : std::false_type {};
template <class T>
struct is_displayable<T, std::void_t<decltype(display(std::declval<DisplayText&>(), std::declval<const T&>()))>>
    : std::true_type {};

// The value, or "error: " and the error.
template <class T, class E, std::enable_if_t<is_displayable<T>::value && is_displayable<E>::value, int> = 0>
void display(DisplayText& out, const Result<T, E>& result) {
  if (result) {
    display(out, *result);
  } else {
    out.append("error: ");
    display(out, result.error());
  }
}

template <class T>
inline constexpr bool is_displayable_v = is_displayable<T>::value;

template <class T>
[[nodiscard]] DisplayText display_text(const T& value) {
  DisplayText text;
  display(text, value);
  return text;
}

}  // namespace detail
}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_DETAIL_DISPLAY_HPP
