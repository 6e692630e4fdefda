#ifndef SMTPCODES_DETAIL_PHRASE_SET_HPP
#define SMTPCODES_DETAIL_PHRASE_SET_HPP

// Many phrases looked for in one pass over a text (the bounce layer's
// markers). Its own header so that includers of the core headers, which
// include text.hpp, do not parse it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <smtpcodes/detail/text.hpp>

namespace smtpcodes {
inline namespace v0 {
namespace detail {

// A fixed set of lower-case phrases (at most 64) looked for together in one
// pass over a text, rather than one ifind pass each. The scan is Wu and
// Manber's (1994): it reads the pair of characters that ends a window as
// long as the shortest phrase, and a pair that no phrase holds near there
// moves the window by up to that length less one, so most of the text is
// never compared. Pairs are hashed without regard to case; a collision only
// shortens a move. Built at compile time; the answers are those of ifind.
inline constexpr std::size_t phrase_set_capacity = 64;
inline constexpr std::size_t phrase_set_buckets = 1024;

// A lower-case phrase to look for, and how far: it counts only when its
// first occurrence ends within the first `within` characters of the text.
struct SoughtPhrase {
  std::string_view text;
  std::size_t within = std::string_view::npos;
};

// The five low bits of each character: 'A' and 'a' differ only in 0x20, so
// the bucket does not depend on case, and the letters fall apart.
[[nodiscard]] constexpr std::size_t phrase_pair_bucket(char first, char second) noexcept {
  return ((static_cast<std::size_t>(static_cast<unsigned char>(first)) & 0x1FU) << 5U) |
         (static_cast<std::size_t>(static_cast<unsigned char>(second)) & 0x1FU);
}

// Not constexpr: a set built in a constant expression from more phrases
// than it holds stops the build here instead of dropping the rest.
inline void phrase_set_overflow() noexcept {}

struct PhraseSet {
  SoughtPhrase phrases[phrase_set_capacity]{};
  std::size_t count = 0;
  std::size_t shortest = 0;  // the length of the shortest phrase that can occur
  std::size_t window = 0;    // the shortest length, at most 256
  std::uint64_t always = 0;  // empty phrases, found in any text (as ifind finds them)
  // How much less than window - 1 a window whose last pair hashes here may
  // move: 0 (the table as it starts) for a pair no phrase holds. Kept as
  // this difference, so that building the set writes only the buckets of
  // the phrases' pairs (constant evaluation pays for every write).
  std::uint8_t reach[phrase_set_buckets]{};
  std::uint64_t ending[phrase_set_buckets]{};  // the phrases whose window ends in a pair that hashes here

  // How far a window whose last pair hashes to bucket may move.
  [[nodiscard]] constexpr std::size_t move(std::size_t bucket) const noexcept { return window - 1 - reach[bucket]; }

  template <std::size_t Count>
  constexpr explicit PhraseSet(const std::string_view (&list)[Count]) noexcept {
    static_assert(Count <= phrase_set_capacity, "one bit per phrase");
    for (std::size_t i = 0; i < Count; ++i) phrases[i].text = list[i];
    count = Count;
    build();
  }
  constexpr PhraseSet(const std::string_view* list, std::size_t list_count) noexcept {
    if (list_count > phrase_set_capacity) phrase_set_overflow();
    for (std::size_t i = 0; i < list_count && i < phrase_set_capacity; ++i) phrases[i].text = list[i];
    count = list_count < phrase_set_capacity ? list_count : phrase_set_capacity;
    build();
  }
  constexpr PhraseSet(const SoughtPhrase* list, std::size_t list_count) noexcept {
    if (list_count > phrase_set_capacity) phrase_set_overflow();
    for (std::size_t i = 0; i < list_count && i < phrase_set_capacity; ++i) phrases[i] = list[i];
    count = list_count < phrase_set_capacity ? list_count : phrase_set_capacity;
    build();
  }
  template <std::size_t Count>
  constexpr explicit PhraseSet(const SoughtPhrase (&list)[Count]) noexcept {
    static_assert(Count <= phrase_set_capacity, "one bit per phrase");
    for (std::size_t i = 0; i < Count; ++i) phrases[i] = list[i];
    count = Count;
    build();
  }

 private:
  constexpr void build() noexcept {
    // A phrase with an upper-case letter matches nothing, as in ifind: the
    // comparison of a candidate fails, so it needs no case of its own here.
    for (std::size_t i = 0; i < count; ++i) {
      const std::size_t size = phrases[i].text.size();
      if (size == 0) {
        always |= std::uint64_t{1} << i;
      } else if (shortest == 0 || size < shortest) {
        shortest = size;
      }
    }
    // Any window up to the shortest phrase finds every phrase; 256 keeps reach in a byte.
    window = shortest < 256 ? shortest : 256;
    if (window < 2) return;
    for (std::size_t i = 0; i < count; ++i) {
      const std::uint64_t bit = std::uint64_t{1} << i;
      if ((always & bit) != 0) continue;
      // Each character is read once: in constant evaluation a read costs the
      // compiler more than the arithmetic.
      const char* phrase = phrases[i].text.data();
      std::size_t bucket = static_cast<unsigned char>(phrase[0]) & 0x1FU;
      for (std::size_t j = 0; j + 1 < window; ++j) {
        // A window that ends in this pair may move only so far that the pair
        // falls at its place in the phrase: window - 2 - j, which is window - 1
        // less j + 1.
        bucket = ((bucket & 0x1FU) << 5U) | (static_cast<unsigned char>(phrase[j + 1]) & 0x1FU);
        if (j + 1 > reach[bucket]) reach[bucket] = static_cast<std::uint8_t>(j + 1);
      }
      ending[bucket] |= bit;  // the pair that ends the window
    }
  }
};

// The index of the lowest set bit of a non-zero word.
[[nodiscard]] constexpr std::size_t lowest_bit(std::uint64_t word) noexcept {
#if defined(__GNUC__)
  return static_cast<std::size_t>(__builtin_ctzll(word));
#else
  std::size_t k = 0;
  while (((word >> k) & 1U) == 0) ++k;
  return k;
#endif
}

// Does the lower-case phrase occur at text[at], in either case?
[[nodiscard]] constexpr bool iequals_at(std::string_view text, std::size_t at, std::string_view lower_phrase) noexcept {
  if (at + lower_phrase.size() > text.size()) return false;
  for (std::size_t k = 0; k < lower_phrase.size(); ++k) {
    if (to_lower(text[at + k]) != lower_phrase[k]) return false;
  }
  return true;
}

// Which phrases of the set occur in text, each within its limit: bit i for
// set.phrases[i], as ifind(text, phrase) != npos and ends within it. Only
// the bits of `wanted` are looked for; the scan stops once they are all
// settled, or, with first_only, once one is found (the answer is then
// non-zero exactly when some wanted phrase occurs).
[[nodiscard]] constexpr std::uint64_t find_phrase_set(std::string_view text, const PhraseSet& set,
                                                      std::uint64_t wanted = ~std::uint64_t{0},
                                                      bool first_only = false) noexcept {
  std::uint64_t found = set.always & wanted;
  const std::size_t window = set.window;
  if (window == 0 || text.size() < window) return found;
  std::uint64_t settled = found;  // found, or first found past its limit
  if (window == 1) {
    // No pair to move by (no set of the library's is like this): one ifind each.
    for (std::size_t i = 0; i < set.count; ++i) {
      const std::uint64_t bit = std::uint64_t{1} << i;
      if ((wanted & bit) == 0 || (settled & bit) != 0) continue;
      const std::size_t at = ifind(text, set.phrases[i].text);
      if (at != std::string_view::npos && at + set.phrases[i].text.size() <= set.phrases[i].within) found |= bit;
    }
    return found;
  }
  if ((settled & wanted) == wanted) return found;
  const std::size_t last = text.size() - window;  // the last window's start
  // The last pair of the window at i is pair[i], pair[i + 1].
  const char* const pair = text.data() + (window - 2);
  const std::size_t longest_move = window - 1;
  std::size_t i = 0;
  while (true) {
    // The windows whose last pair ends no phrase's window are passed over.
    std::size_t bucket = phrase_pair_bucket(pair[i], pair[i + 1]);
    std::size_t step = longest_move - set.reach[bucket];
    while (step != 0) {
      i += step;
      if (i > last) return found;
      bucket = phrase_pair_bucket(pair[i], pair[i + 1]);
      step = longest_move - set.reach[bucket];
    }
    for (std::uint64_t candidates = set.ending[bucket] & wanted & ~settled; candidates != 0;
         candidates &= candidates - 1) {
      const std::size_t k = lowest_bit(candidates);
      const SoughtPhrase& phrase = set.phrases[k];
      if (!iequals_at(text, i, phrase.text)) continue;
      // The first occurrence: a later one ends later still.
      const std::uint64_t bit = std::uint64_t{1} << k;
      settled |= bit;
      if (i + phrase.text.size() <= phrase.within) found |= bit;
    }
    if ((settled & wanted) == wanted || (first_only && found != 0) || i == last) return found;
    ++i;
  }
  return found;
}

}  // namespace detail
}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_DETAIL_PHRASE_SET_HPP
