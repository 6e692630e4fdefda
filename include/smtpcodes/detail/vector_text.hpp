#ifndef SMTPCODES_DETAIL_VECTOR_TEXT_HPP
#define SMTPCODES_DETAIL_VECTOR_TEXT_HPP

// With SSE2 (every x86-64), text is read sixteen bytes at a time through the
// compiler's vector types, which need no intrinsics header. One definition
// for the reply parser and the line scanner.
#if defined(__SSE2__) && defined(__GNUC__)

namespace smtpcodes {
inline namespace v0 {
namespace detail {

using vector_bytes = signed char __attribute__((vector_size(16)));
using vector_chars = char __attribute__((vector_size(16)));
using vector_unsigned_bytes = unsigned char __attribute__((vector_size(16)));

}  // namespace detail
}  // namespace v0
}  // namespace smtpcodes

#endif

#endif  // SMTPCODES_DETAIL_VECTOR_TEXT_HPP
