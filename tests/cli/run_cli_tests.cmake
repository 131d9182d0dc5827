# Runs tests/cli/cli_test.sh (bash) from CTest with the paths it needs.
execute_process(
  COMMAND bash ${SOURCE_DIR}/tests/cli/cli_test.sh ${CLAIMCHECK} ${SOURCE_DIR}
          ${SHARED_DIR} ${WORK_DIR}
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "CLI tests failed")
endif()
