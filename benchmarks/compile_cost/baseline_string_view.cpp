// The yardstick: a file that includes only what smtpcodes' interface needs.
#include <string_view>
