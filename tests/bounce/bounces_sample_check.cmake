# Runs `smtpcodes bounces --json examples/bounces` from the source directory
# and compares it with tests/data/bounces_sample.jsonl, so that the sample
# output shown in docs/bounces.md cannot drift unnoticed.
# Usage: cmake -DCLI=<smtpcodes> -DSOURCE_DIR=<project> -P bounces_sample_check.cmake
execute_process(COMMAND "${CLI}" bounces --json examples/bounces
                WORKING_DIRECTORY "${SOURCE_DIR}"
                OUTPUT_VARIABLE actual RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "smtpcodes bounces failed with ${status}")
endif()
file(READ "${SOURCE_DIR}/tests/data/bounces_sample.jsonl" expected)
if(NOT actual STREQUAL expected)
  file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/bounces_sample_actual.jsonl" "${actual}")
  message(FATAL_ERROR "the output differs from tests/data/bounces_sample.jsonl; "
                      "see ${CMAKE_CURRENT_BINARY_DIR}/bounces_sample_actual.jsonl")
endif()
