#ifndef SMTPCODES_ERROR_CODE_HPP
#define SMTPCODES_ERROR_CODE_HPP

// std::error_code support. Optional: the umbrella header does not include it.
//
//  - Parse errors: ParseErrorKind (codes) and ReplyErrorKind (whole replies)
//    are error code enums, so `std::error_code ec = ParseErrorKind::too_short;`
//    works; each compares equal to std::errc::invalid_argument (buffer_full to
//    std::errc::no_buffer_space).
//  - SMTP failures: make_error_code(ReplyCode) and
//    make_error_code(EnhancedStatus) carry the code itself (550; 5.1.1 as
//    its key() 5001001) in categories of their own, so a failed delivery can
//    travel through interfaces that only know std::error_code. Both compare
//    equal to the Severity of their first digit:
//    `ec == Severity::permanent_negative`.
//
// One category object per program: each category lives in a function-local
// static of an inline function, which the toolchain merges into one object
// across translation units and, on ELF platforms, across shared libraries.
// The functions are given default visibility so that this holds even when a
// library is built with -fvisibility=hidden. Not covered: Windows DLLs (each
// DLL has its own copy) and libraries loaded with RTLD_LOCAL that do not
// share symbols; there, compare category().name() instead of the category.

#include <string>
#include <system_error>
#include <type_traits>

#include <smtpcodes/smtpcodes.hpp>

#if !defined(SMTPCODES_CATEGORY_VISIBILITY)
// Not on Windows, where GCC and Clang warn that visibility does not apply.
#if (defined(__GNUC__) || defined(__clang__)) && !defined(_WIN32) && !defined(__CYGWIN__)
#define SMTPCODES_CATEGORY_VISIBILITY __attribute__((visibility("default")))
#else
#define SMTPCODES_CATEGORY_VISIBILITY
#endif
#endif

namespace smtpcodes {
inline namespace v0 {

SMTPCODES_CATEGORY_VISIBILITY inline const std::error_category& parse_category() noexcept;
SMTPCODES_CATEGORY_VISIBILITY inline const std::error_category& reply_error_category() noexcept;
SMTPCODES_CATEGORY_VISIBILITY inline const std::error_category& reply_category() noexcept;
SMTPCODES_CATEGORY_VISIBILITY inline const std::error_category& enhanced_status_category() noexcept;
SMTPCODES_CATEGORY_VISIBILITY inline const std::error_category& severity_category() noexcept;

namespace detail {

// The first digit of a code, as an error condition that any of the code
// categories can match.
inline std::error_condition severity_condition(unsigned digit) noexcept {
  return {static_cast<int>(digit), severity_category()};
}

class ParseCategory final : public std::error_category {
 public:
  [[nodiscard]] const char* name() const noexcept override { return "smtpcodes.parse"; }
  [[nodiscard]] std::string message(int value) const override {
    if (value < 1 || value > 255) return "unknown smtpcodes parse error";
    return std::string(smtpcodes::message(static_cast<ParseErrorKind>(value)));
  }
  // Every parse error is bad input.
  [[nodiscard]] std::error_condition default_error_condition(int value) const noexcept override {
    return value == 0 ? std::error_condition(0, *this) : std::make_error_condition(std::errc::invalid_argument);
  }
};

class ReplyErrorCategory final : public std::error_category {
 public:
  [[nodiscard]] const char* name() const noexcept override { return "smtpcodes.reply_error"; }
  [[nodiscard]] std::string message(int value) const override {
    if (value < 1 || value > 255) return "unknown smtpcodes reply error";
    return std::string(smtpcodes::message(static_cast<ReplyErrorKind>(value)));
  }
  [[nodiscard]] std::error_condition default_error_condition(int value) const noexcept override {
    if (value == 0) return {0, *this};
    if (value == static_cast<int>(ReplyErrorKind::buffer_full)) {
      return std::make_error_condition(std::errc::no_buffer_space);
    }
    return std::make_error_condition(std::errc::invalid_argument);
  }
};

class ReplyCategory final : public std::error_category {
 public:
  [[nodiscard]] const char* name() const noexcept override { return "smtpcodes.reply"; }
  // "550: Permanent Negative Completion reply, Mail system"
  [[nodiscard]] std::string message(int value) const override {
    const Result<ReplyCode> code = ReplyCode::from_value(static_cast<unsigned>(value));
    if (value < 0 || !code) return "not an SMTP reply code";
    std::string text(to_string(*code).view());
    text.append(": ").append(smtpcodes::title(code->severity()));
    text.append(", ").append(smtpcodes::title(code->category()));
    return text;
  }
  [[nodiscard]] std::error_condition default_error_condition(int value) const noexcept override {
    if (value < 100 || value > 999) return {value, *this};
    return severity_condition(static_cast<unsigned>(value) / 100);
  }
};

class EnhancedStatusCategory final : public std::error_category {
 public:
  [[nodiscard]] const char* name() const noexcept override { return "smtpcodes.enhanced_status"; }
  // "5.1.1: Permanent Failure, Addressing Status"
  [[nodiscard]] std::string message(int value) const override {
    const Result<EnhancedStatus> status = from_key(value);
    if (!status) return "not an enhanced status code";
    std::string text(to_string(*status).view());
    text.append(": ").append(smtpcodes::title(status->status_class()));
    text.append(", ").append(smtpcodes::title(status->subject()));
    return text;
  }
  [[nodiscard]] std::error_condition default_error_condition(int value) const noexcept override {
    const Result<EnhancedStatus> status = from_key(value);
    if (!status) return {value, *this};
    return severity_condition(status->class_digit());
  }

 private:
  // The inverse of EnhancedStatus::key().
  static Result<EnhancedStatus> from_key(int value) noexcept {
    if (value < 0) return ParseError{ParseErrorKind::value_out_of_range, 0};
    const auto key = static_cast<unsigned>(value);
    return EnhancedStatus::from_parts(key / 1000000U, key / 1000U % 1000U, key % 1000U);
  }
};

class SeverityCategory final : public std::error_category {
 public:
  [[nodiscard]] const char* name() const noexcept override { return "smtpcodes.severity"; }
  [[nodiscard]] std::string message(int value) const override {
    if (value < 0 || value > 9) return "not an SMTP severity";
    return std::string(smtpcodes::title(static_cast<Severity>(value)));
  }
};

}  // namespace detail

inline const std::error_category& parse_category() noexcept {
  static const detail::ParseCategory category;
  return category;
}

inline const std::error_category& reply_error_category() noexcept {
  static const detail::ReplyErrorCategory category;
  return category;
}

inline const std::error_category& reply_category() noexcept {
  static const detail::ReplyCategory category;
  return category;
}

inline const std::error_category& enhanced_status_category() noexcept {
  static const detail::EnhancedStatusCategory category;
  return category;
}

inline const std::error_category& severity_category() noexcept {
  static const detail::SeverityCategory category;
  return category;
}

inline std::error_code make_error_code(ParseErrorKind kind) noexcept {
  return {static_cast<int>(kind), parse_category()};
}

// The kind only: an error_code has no room for the offset.
inline std::error_code make_error_code(const ParseError& error) noexcept { return make_error_code(error.kind); }

inline std::error_code make_error_code(ReplyErrorKind kind) noexcept {
  return {static_cast<int>(kind), reply_error_category()};
}

// The kind only: offset, line and code_error do not fit an error_code.
inline std::error_code make_error_code(const ReplyError& error) noexcept { return make_error_code(error.kind); }

// The value is the code (550); ReplyCode::from_value(ec.value()) gives it back.
// Meant for failures: a 2yz or 3yz code made into an error_code is still
// "an error" to `if (ec)`, as for any non-zero value.
inline std::error_code make_error_code(ReplyCode code) noexcept {
  return {static_cast<int>(code.value()), reply_category()};
}

// The value is status.key() (5.1.1 is 5001001).
inline std::error_code make_error_code(EnhancedStatus status) noexcept {
  return {static_cast<int>(status.key()), enhanced_status_category()};
}

inline std::error_condition make_error_condition(Severity severity) noexcept {
  return detail::severity_condition(static_cast<unsigned>(severity));
}

}  // namespace v0
}  // namespace smtpcodes

namespace std {
template <>
struct is_error_code_enum<smtpcodes::ParseErrorKind> : true_type {};
template <>
struct is_error_code_enum<smtpcodes::ReplyErrorKind> : true_type {};
template <>
struct is_error_condition_enum<smtpcodes::Severity> : true_type {};
}  // namespace std

#endif  // SMTPCODES_ERROR_CODE_HPP
