#ifndef SMTPCODES_CONFIG_HPP
#define SMTPCODES_CONFIG_HPP

#include <smtpcodes/version.hpp>

// SMTPCODES_CONSTEVAL is `consteval` where the compiler supports it reliably
// and `constexpr` otherwise, so the literals reject bad codes at compile time
// under C++20 and still work inside constant expressions under C++17.
#if !defined(SMTPCODES_CONSTEVAL)
// Only where the compiler says its consteval is complete: Clang 14 does not
// define __cpp_consteval, and rightly so, since it never evaluates an
// immediate call written inside a template ("5.1.1"_status in a function
// template or generic lambda ends as an undefined reference at link time).
#if defined(__cpp_consteval) && __cpp_consteval >= 201811L
#define SMTPCODES_CONSTEVAL consteval
#define SMTPCODES_HAS_CONSTEVAL 1
#else
#define SMTPCODES_CONSTEVAL constexpr
#define SMTPCODES_HAS_CONSTEVAL 0
#endif
#endif

// SMTPCODES_CONSTANT_EVALUATED() is true during constant evaluation, so that
// a constexpr function can take a faster path (memchr, word-at-a-time
// checks) at run time. Where the compiler cannot tell, it is always true and
// the portable path is taken everywhere.
#if !defined(SMTPCODES_CONSTANT_EVALUATED)
#if defined(__has_builtin)
#if __has_builtin(__builtin_is_constant_evaluated)
#define SMTPCODES_CONSTANT_EVALUATED() __builtin_is_constant_evaluated()
#endif
#endif
#if !defined(SMTPCODES_CONSTANT_EVALUATED) && defined(_MSC_VER) && _MSC_VER >= 1925
#define SMTPCODES_CONSTANT_EVALUATED() __builtin_is_constant_evaluated()
#endif
#if !defined(SMTPCODES_CONSTANT_EVALUATED)
#define SMTPCODES_CONSTANT_EVALUATED() true
#endif
#endif

// Exceptions are never required. Only Result::value() on an error throws,
// and without exception support it aborts instead.
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS) || defined(_CPPUNWIND)
#define SMTPCODES_HAS_EXCEPTIONS 1
#else
#define SMTPCODES_HAS_EXCEPTIONS 0
#endif

// SMTPCODES_LIFETIMEBOUND marks a parameter whose referent a returned view
// points into, so that compilers that track lifetimes (Clang's
// -Wdangling) warn when the result outlives a temporary argument. The
// overloads that would take an owning temporary are deleted as well; this
// catches the cases those cannot (a temporary std::string_view source).
#if !defined(SMTPCODES_LIFETIMEBOUND)
#if defined(__has_cpp_attribute)
#if __has_cpp_attribute(clang::lifetimebound)
#define SMTPCODES_LIFETIMEBOUND [[clang::lifetimebound]]
#elif __has_cpp_attribute(msvc::lifetimebound)
#define SMTPCODES_LIFETIMEBOUND [[msvc::lifetimebound]]
#endif
#endif
#if !defined(SMTPCODES_LIFETIMEBOUND)
#define SMTPCODES_LIFETIMEBOUND
#endif
#endif

// SMTPCODES_USE_STANDARD_HEADERS=1 makes smtpcodes include only standard
// headers. By default, with libstdc++, it includes the two small internal
// headers that define all it needs from <exception> and <iterator>
// (std::exception, the iterator tags), which makes the umbrella headers a
// third cheaper to compile; libstdc++ asks users not to include them
// directly, and a future version may move what they define. The choice is
// made in <smtpcodes/detail/standard_parts.hpp>.
#if !defined(SMTPCODES_USE_STANDARD_HEADERS)
#define SMTPCODES_USE_STANDARD_HEADERS 0
#endif

#endif  // SMTPCODES_CONFIG_HPP
