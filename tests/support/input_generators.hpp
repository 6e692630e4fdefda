#ifndef SMTPCODES_TESTS_SUPPORT_INPUT_GENERATORS_HPP
#define SMTPCODES_TESTS_SUPPORT_INPUT_GENERATORS_HPP

// Deterministic inputs for the differential and property tests: every short
// string over an alphabet, random strings, and mutations of valid ones. The
// generator is seeded and its arithmetic is fully specified, so every
// platform sees the same inputs and a failure can be replayed.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace smtpcodes_inputs {

// SplitMix64: tiny, fast, and the same everywhere (unlike std::uniform_*).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
  }
  // A number in [0, bound); bound > 0. The tiny modulo bias does not matter here.
  std::size_t below(std::size_t bound) { return static_cast<std::size_t>(next() % bound); }
  char pick(std::string_view alphabet) { return alphabet[below(alphabet.size())]; }

  std::string string(std::string_view alphabet, std::size_t max_length) {
    std::string text(below(max_length + 1), '\0');
    for (char& c : text) c = pick(alphabet);
    return text;
  }

  // One to three edits of text: replace, insert, delete, duplicate or swap
  // bytes, the new bytes drawn from alphabet.
  std::string mutate(std::string text, std::string_view alphabet) {
    const std::size_t edits = 1 + below(3);
    for (std::size_t i = 0; i < edits; ++i) {
      const std::size_t at = text.empty() ? 0 : below(text.size());
      switch (below(5)) {
        case 0:
          if (!text.empty()) text[at] = pick(alphabet);
          break;
        case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), pick(alphabet)); break;
        case 2:
          if (!text.empty()) text.erase(at, 1);
          break;
        case 3:
          if (!text.empty()) text.insert(at, text.substr(at, 1 + below(3)));
          break;
        default:
          if (text.size() >= 2 && at + 1 < text.size()) std::swap(text[at], text[at + 1]);
          break;
      }
    }
    return text;
  }

 private:
  std::uint64_t state_;
};

// Calls visit(text) for every string of length 0 to max_length over alphabet
// (an odometer over the alphabet's indices, one length at a time).
template <class Visit>
void for_each_string(std::string_view alphabet, std::size_t max_length, Visit&& visit) {
  for (std::size_t length = 0; length <= max_length; ++length) {
    std::vector<std::size_t> indices(length, 0);
    std::string current(length, alphabet[0]);
    while (true) {
      visit(std::string_view(current));
      std::size_t position = length;
      while (position > 0 && ++indices[position - 1] == alphabet.size()) {
        indices[position - 1] = 0;
        current[position - 1] = alphabet[0];
        --position;
      }
      if (position == 0) break;
      current[position - 1] = alphabet[indices[position - 1]];
    }
  }
}

// Calls visit(pieces) for every way of cutting text into consecutive
// non-empty pieces (2^(n-1) of them for n bytes), for checking that a
// streaming parser fed the pieces agrees with a parser given the whole text.
template <class Visit>
void for_each_split(std::string_view text, Visit&& visit) {
  if (text.empty()) {
    visit(std::vector<std::string_view>{});
    return;
  }
  const std::size_t cuts = text.size() - 1;  // a cut may fall after each byte but the last
  std::vector<std::string_view> pieces;
  for (std::uint64_t mask = 0; mask < (std::uint64_t{1} << cuts); ++mask) {
    pieces.clear();
    std::size_t start = 0;
    for (std::size_t i = 0; i < cuts; ++i) {
      if ((mask >> i & 1U) != 0) {
        pieces.push_back(text.substr(start, i + 1 - start));
        start = i + 1;
      }
    }
    pieces.push_back(text.substr(start));
    visit(pieces);
  }
}

// Bytes that matter to the grammars, a few that do not, and the extremes.
inline constexpr std::string_view reply_bytes{"0123456789 -\r\n\tx.\0\xff", 19};
inline constexpr std::string_view status_bytes{"0123456789.. x-\0\xff", 17};

}  // namespace smtpcodes_inputs

#endif  // SMTPCODES_TESTS_SUPPORT_INPUT_GENERATORS_HPP
