#ifndef SMTPCODES_TESTS_SUPPORT_CHECK_INPUTS_HPP
#define SMTPCODES_TESTS_SUPPORT_CHECK_INPUTS_HPP

// Runs a property check (see parser_properties.hpp) over many inputs in a
// doctest case: counts them, reports the first few failures with the input
// written out byte by byte, and stays quiet (and fast) while all is well.

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

#include <doctest/doctest.h>

namespace smtpcodes_inputs {

inline std::string escaped(std::string_view input) {
  std::string text = "\"";
  for (const char c : input) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7f && c != '"' && c != '\\') {
      text += c;
    } else {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02x", byte);
      text += hex;
    }
  }
  return text + "\"";
}

class Checker {
 public:
  // check(input) returns nullptr or the name of the property that failed.
  template <class Check>
  void operator()(Check&& check, std::string_view input) {
    ++inputs_;
    if (const char* failure = check(input)) {
      if (++failures_ <= 10) FAIL_CHECK((std::string(failure) + " for " + escaped(input)));
    }
  }

  [[nodiscard]] std::size_t inputs() const { return inputs_; }
  [[nodiscard]] std::size_t failures() const { return failures_; }

 private:
  std::size_t inputs_ = 0;
  std::size_t failures_ = 0;
};

}  // namespace smtpcodes_inputs

#endif  // SMTPCODES_TESTS_SUPPORT_CHECK_INPUTS_HPP
