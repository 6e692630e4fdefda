#ifndef SMTPCODES_DETAIL_DISPLAY_HPP
#define SMTPCODES_DETAIL_DISPLAY_HPP

// The text of every public type, written once and shared by the optional
// integrations (<smtpcodes/ostream.hpp>, <smtpcodes/format.hpp>). A type
// becomes printable by operator<<, std::format and fmt::format through one
// `display(DisplayText&, const T&)` overload in this file.

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <smtpcodes/smtpcodes.hpp>

namespace smtpcodes {
inline namespace v0 {
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

// A name, or "undefined (N)" for a number the RFCs do not name, so that the
// number a server sent is never lost in a log.
template <class Enum>
void display_enum(DisplayText& out, Enum value) {
  const std::string_view text = name(value);
  out.append(text);
  if (text == "undefined") {
    out.append(" (");
    out.append_number(static_cast<std::underlying_type_t<Enum>>(value));
    out.append(")");
  }
}

inline void display(DisplayText& out, ReplyCode code) { out.append(to_string(code).view()); }
inline void display(DisplayText& out, EnhancedStatus status) { out.append(to_string(status).view()); }
inline void display(DisplayText& out, Severity severity) { display_enum(out, severity); }
inline void display(DisplayText& out, Category category) { display_enum(out, category); }
inline void display(DisplayText& out, StatusClass status_class) { display_enum(out, status_class); }
inline void display(DisplayText& out, Subject subject) { display_enum(out, subject); }
inline void display(DisplayText& out, ParseErrorKind kind) { out.append(name(kind)); }

// "too_many_digits at offset 3": the stable identifier and where.
inline void display(DisplayText& out, const ParseError& error) {
  out.append(name(error.kind));
  out.append(" at offset ");
  out.append_number(error.offset);
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
