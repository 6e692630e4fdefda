#ifndef SMTPCODES_DETAIL_STANDARD_PARTS_HPP
#define SMTPCODES_DETAIL_STANDARD_PARTS_HPP

// std::exception and the iterator tags, from the smallest headers that define
// them. <exception> (exception_ptr, nested exceptions) and <iterator> (the
// stream iterators) cost more to compile than the rest of <smtpcodes/smtpcodes.hpp>.
// With libstdc++ and SMTPCODES_USE_STANDARD_HEADERS=0 (config.hpp) the
// internal headers that define just these are included instead.
#include <cstddef>  // defines __GLIBCXX__ with libstdc++

#include <smtpcodes/config.hpp>

#if !SMTPCODES_USE_STANDARD_HEADERS && defined(__GLIBCXX__) && defined(__has_include)
#if __has_include(<bits/exception.h>) && __has_include(<bits/stl_iterator_base_types.h>)
#include <bits/exception.h>
#include <bits/stl_iterator_base_types.h>
#define SMTPCODES_DETAIL_STANDARD_PARTS_INCLUDED 1
#endif
#endif
#if !defined(SMTPCODES_DETAIL_STANDARD_PARTS_INCLUDED)
#include <exception>
#include <iterator>
#endif
#undef SMTPCODES_DETAIL_STANDARD_PARTS_INCLUDED

#endif  // SMTPCODES_DETAIL_STANDARD_PARTS_HPP
