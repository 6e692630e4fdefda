// The registry and what is built on it, without replies or bounces.
#include <smtpcodes/registry/consistency.hpp>
#include <smtpcodes/registry/lookup.hpp>
#include <smtpcodes/registry/reply_codes.hpp>
