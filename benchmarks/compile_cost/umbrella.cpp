// The price of the whole library for a file that includes it.
#include <smtpcodes/smtpcodes.hpp>
