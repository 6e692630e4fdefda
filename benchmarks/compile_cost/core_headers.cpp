// The parsers and literals without the registry.
#include <smtpcodes/enhanced_status.hpp>
#include <smtpcodes/literals.hpp>
#include <smtpcodes/reply_code.hpp>
