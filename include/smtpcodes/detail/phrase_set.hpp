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

struct PhraseSet {
  SoughtPhrase phrases[phrase_set_capacity]{};
  std::size_t count = 0;
  std::size_t shortest = 0;                    // the window: the length of the shortest phrase that can occur
  std::uint64_t always = 0;                    // empty phrases, found in any text (as ifind finds them)
  std::uint64_t never = 0;                     // phrases with an upper-case letter, which ifind never finds
  std::uint8_t move[phrase_set_buckets]{};     // how far a window whose last pair hashes here may move
  std::uint64_t ending[phrase_set_buckets]{};  // the phrases whose window ends in a pair that hashes here

  template <std::size_t Count>
  constexpr explicit PhraseSet(const std::string_view (&list)[Count]) noexcept {
    static_assert(Count <= phrase_set_capacity, "one bit per phrase");
    for (std::size_t i = 0; i < Count; ++i) phrases[i].text = list[i];
    count = Count;
    build();
  }
  constexpr PhraseSet(const std::string_view* list, std::size_t list_count) noexcept {
    for (std::size_t i = 0; i < list_count && i < phrase_set_capacity; ++i) phrases[i].text = list[i];
    count = list_count < phrase_set_capacity ? list_count : phrase_set_capacity;
    build();
  }
  constexpr PhraseSet(const SoughtPhrase* list, std::size_t list_count) noexcept {
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
  [[nodiscard]] static constexpr bool has_upper(std::string_view phrase) noexcept {
    for (char c : phrase) {
      if (c >= 'A' && c <= 'Z') return true;
    }
    return false;
  }

  constexpr void build() noexcept {
    for (std::size_t i = 0; i < count; ++i) {
      const std::uint64_t bit = std::uint64_t{1} << i;
      const std::string_view phrase = phrases[i].text;
      if (phrase.empty()) {
        always |= bit;
      } else if (has_upper(phrase)) {
        never |= bit;
      } else if (shortest == 0 || phrase.size() < shortest) {
        shortest = phrase.size();
      }
    }
    const std::size_t window = shortest;
    const std::size_t longest_move = window > 1 ? window - 1 : 0;
    for (std::uint8_t& each : move) each = static_cast<std::uint8_t>(longest_move < 255 ? longest_move : 255);
    if (window < 2) return;
    for (std::size_t i = 0; i < count; ++i) {
      const std::uint64_t bit = std::uint64_t{1} << i;
      if (((always | never) & bit) != 0) continue;
      const std::string_view phrase = phrases[i].text;
      for (std::size_t j = 0; j + 1 < window; ++j) {
        const std::size_t bucket = phrase_pair_bucket(phrase[j], phrase[j + 1]);
        const std::size_t can_move = window - 2 - j;
        if (can_move < move[bucket]) move[bucket] = static_cast<std::uint8_t>(can_move);
      }
      ending[phrase_pair_bucket(phrase[window - 2], phrase[window - 1])] |= bit;
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
  wanted &= ~set.never;
  const std::size_t window = set.shortest;
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
  std::size_t i = 0;
  while (true) {
    // The windows whose last pair ends no phrase's window are passed over.
    std::size_t bucket = phrase_pair_bucket(text[i + window - 2], text[i + window - 1]);
    std::size_t step = set.move[bucket];
    while (step != 0) {
      i += step;
      if (i > last) return found;
      bucket = phrase_pair_bucket(text[i + window - 2], text[i + window - 1]);
      step = set.move[bucket];
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
