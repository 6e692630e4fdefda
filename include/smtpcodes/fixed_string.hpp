#ifndef SMTPCODES_FIXED_STRING_HPP
#define SMTPCODES_FIXED_STRING_HPP

#include <cstddef>
#include <string_view>

namespace smtpcodes {
inline namespace v0 {

// A string of at most Capacity characters held by value, so that to_string()
// needs no allocation and works in constant expressions. Always
// NUL-terminated for C interfaces.
template <std::size_t Capacity>
class FixedString {
 public:
  constexpr FixedString() noexcept = default;

  // Appends as much of text as fits; returns false when something was cut.
  constexpr bool append(std::string_view text) noexcept {
    for (char c : text) {
      if (size_ == Capacity) return false;
      data_[size_++] = c;
    }
    data_[size_] = '\0';
    return true;
  }

  [[nodiscard]] constexpr std::string_view view() const noexcept { return {data_, size_}; }
  constexpr operator std::string_view() const noexcept { return view(); }  // NOLINT(google-explicit-constructor)
  [[nodiscard]] constexpr const char* c_str() const noexcept { return data_; }
  [[nodiscard]] constexpr const char* data() const noexcept { return data_; }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] static constexpr std::size_t capacity() noexcept { return Capacity; }

  friend constexpr bool operator==(const FixedString& a, std::string_view b) noexcept { return a.view() == b; }
  friend constexpr bool operator!=(const FixedString& a, std::string_view b) noexcept { return a.view() != b; }

 private:
  char data_[Capacity + 1]{};
  std::size_t size_ = 0;
};

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_FIXED_STRING_HPP
