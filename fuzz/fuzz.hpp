#ifndef SMTPCODES_FUZZ_FUZZ_HPP
#define SMTPCODES_FUZZ_FUZZ_HPP

// Shared by every fuzz target: the libFuzzer entry point's signature, the
// input as text, and a check that stops the run loudly, so that libFuzzer
// (or the replay program) keeps the input that broke a property.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace smtpcodes_fuzz {

inline std::string_view text(const std::uint8_t* data, std::size_t size) noexcept {
  return {reinterpret_cast<const char*>(data), size};
}

// Aborts with the failed property, as returned by the checks in
// tests/support/parser_properties.hpp (nullptr means all is well).
inline void expect(const char* failure, std::string_view input) noexcept {
  if (failure == nullptr) return;
  std::fprintf(stderr, "property failed: %s\ninput (%zu bytes):", failure, input.size());
  for (const char c : input) std::fprintf(stderr, " %02x", static_cast<unsigned>(static_cast<unsigned char>(c)));
  std::fprintf(stderr, "\n");
  std::abort();
}

}  // namespace smtpcodes_fuzz

#endif  // SMTPCODES_FUZZ_FUZZ_HPP
