#ifndef SMTPCODES_SMTPCODES_HPP
#define SMTPCODES_SMTPCODES_HPP

// The umbrella header: codes, their parsers and literals, the registry,
// whole replies, the reply stream and EHLO. Reading bounces (codes in free
// text, DSNs, MTA logs, classification, bounce messages) is the second
// umbrella, <smtpcodes/bounces.hpp>, which includes this one: most
// translation units of a mail program handle replies, few read bounces, and
// the bounce layer's phrase tables would make every includer pay a third more
// compile time. Optional integrations (ostream.hpp, format.hpp,
// error_code.hpp) are in neither. Each header also compiles on its own; they
// are listed in reading order, foundations first, not alphabetically.
// clang-format off
#include <smtpcodes/version.hpp>
#include <smtpcodes/config.hpp>
#include <smtpcodes/parse_error.hpp>
#include <smtpcodes/result.hpp>
#include <smtpcodes/fixed_string.hpp>
#include <smtpcodes/severity.hpp>
#include <smtpcodes/reply_code.hpp>
#include <smtpcodes/enhanced_status.hpp>
#include <smtpcodes/literals.hpp>
#include <smtpcodes/wire/reply.hpp>
#include <smtpcodes/wire/reply_stream.hpp>
#include <smtpcodes/wire/ehlo.hpp>
#include <smtpcodes/registry/lookup.hpp>
#include <smtpcodes/registry/reply_codes.hpp>
#include <smtpcodes/registry/consistency.hpp>
#include <smtpcodes/registry/derived_reply.hpp>
#include <smtpcodes/registry/retry.hpp>
#include <smtpcodes/registry/reply_advice.hpp>
// clang-format on

#endif  // SMTPCODES_SMTPCODES_HPP
