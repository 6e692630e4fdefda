#ifndef SMTPCODES_RESULT_HPP
#define SMTPCODES_RESULT_HPP

#include <cstddef>
#include <type_traits>

#include <smtpcodes/config.hpp>

#include <smtpcodes/detail/standard_parts.hpp>  // std::exception
#if !SMTPCODES_HAS_EXCEPTIONS && !(defined(__GNUC__) || defined(__clang__))
#include <cstdlib>
#endif

#include <smtpcodes/parse_error.hpp>

namespace smtpcodes {
inline namespace v0 {

// Thrown only by Result::value() when there is no value (and exceptions exist).
class BadResultAccess : public std::exception {
 public:
  [[nodiscard]] const char* what() const noexcept override {
    return "smtpcodes: value() called on a Result that holds an error";
  }
};

namespace detail {
[[noreturn]] inline void throw_bad_result_access() {
#if SMTPCODES_HAS_EXCEPTIONS
  throw BadResultAccess{};
#elif defined(__GNUC__) || defined(__clang__)
  __builtin_abort();
#else
  std::abort();
#endif
}
}  // namespace detail

// The tag of Result's constructor that builds the value or the error where
// the Result is, instead of copying one in (see Result).
struct InPlaceFill {
  explicit constexpr InPlaceFill() noexcept = default;
};
inline constexpr InPlaceFill in_place_fill{};

// The value of a parse or its error, with std::expected's names. T and E are
// small trivially copyable types, so both are stored side by side: reading
// the value of an error gives a default value, never undefined behaviour.
// value() is the checked accessor; in a constant expression it fails to
// compile when there is no value.
template <class T, class E = ParseError>
class [[nodiscard]] Result {
  static_assert(std::is_trivially_copyable_v<T> && std::is_default_constructible_v<T>,
                "Result holds small value types");

 public:
  using value_type = T;
  using error_type = E;

  constexpr Result(const T& value) noexcept : value_(value), has_value_(true) {}  // NOLINT(google-explicit-constructor)
  constexpr Result(const E& error) noexcept : error_(error) {}                    // NOLINT(google-explicit-constructor)

  // Builds the Result in place: fill(value, error) gets T{} and E{}, sets
  // one of them and returns true for a value, false for an error. A value
  // of a kilobyte (a whole reply) is then written once, not built and
  // copied. When fill returns false, value goes back to T{}, as in any
  // Result that holds an error.
  template <class Fill, std::enable_if_t<std::is_invocable_r_v<bool, Fill&, T&, E&>, int> = 0>
  constexpr Result(InPlaceFill /*tag*/, Fill&& fill) noexcept(std::is_nothrow_invocable_v<Fill&, T&, E&>)
      : has_value_(fill(value_, error_)) {
    if (!has_value_) value_ = T{};
  }

  [[nodiscard]] constexpr bool has_value() const noexcept { return has_value_; }
  constexpr explicit operator bool() const noexcept { return has_value_; }

  [[nodiscard]] constexpr const T& value() const {
    if (!has_value_) detail::throw_bad_result_access();
    return value_;
  }
  // Precondition: has_value(). Without a value these give T{}.
  constexpr const T& operator*() const noexcept { return value_; }
  constexpr const T* operator->() const noexcept { return &value_; }

  // Precondition: !has_value(). With a value this gives E{}.
  [[nodiscard]] constexpr const E& error() const noexcept { return error_; }

  [[nodiscard]] constexpr T value_or(const T& fallback) const noexcept { return has_value_ ? value_ : fallback; }

  friend constexpr bool operator==(const Result& r, const T& v) noexcept { return r.has_value_ && r.value_ == v; }
  friend constexpr bool operator!=(const Result& r, const T& v) noexcept { return !(r == v); }
  friend constexpr bool operator==(const Result& r, const E& e) noexcept { return !r.has_value_ && r.error_ == e; }
  friend constexpr bool operator!=(const Result& r, const E& e) noexcept { return !(r == e); }

 private:
  T value_{};
  E error_{};
  bool has_value_ = false;
};

// A value parsed at the start of a longer text, and the offset just past it:
// what follows is the caller's (the text of a reply line, a sentence around
// a code).
template <class T>
struct ParsedPrefix {
  T value{};
  std::size_t end = 0;

  friend constexpr bool operator==(const ParsedPrefix& a, const ParsedPrefix& b) noexcept {
    return a.value == b.value && a.end == b.end;
  }
  friend constexpr bool operator!=(const ParsedPrefix& a, const ParsedPrefix& b) noexcept { return !(a == b); }
};

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_RESULT_HPP
