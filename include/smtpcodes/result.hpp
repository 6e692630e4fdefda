#ifndef SMTPCODES_RESULT_HPP
#define SMTPCODES_RESULT_HPP

#include <type_traits>

#include <smtpcodes/config.hpp>

// Only std::exception is needed. With libstdc++ it comes from the small
// header that defines it: <exception> (exception_ptr, nested exceptions) and
// <cstdlib> would add a tenth to the compile time of the whole library.
#if defined(__GLIBCXX__) && defined(__has_include)
#if __has_include(<bits/exception.h>)
#include <bits/exception.h>
#define SMTPCODES_DETAIL_HAVE_EXCEPTION_CLASS 1
#endif
#endif
#if !defined(SMTPCODES_DETAIL_HAVE_EXCEPTION_CLASS)
#include <exception>
#endif
#undef SMTPCODES_DETAIL_HAVE_EXCEPTION_CLASS
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

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_RESULT_HPP
