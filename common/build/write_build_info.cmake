# Writes build_info.cpp from build_info.cpp.in with the commit the tree is at,
# "+changes" when tracked files differ from it. Runs at every build (the
# build_info target); the file is rewritten only when its text changes, so an
# unchanged tree rebuilds nothing. Inputs: SOURCE_DIR, TEMPLATE, OUTPUT,
# PROJECT_VERSION, CMAKE_BUILD_TYPE, CMAKE_CXX_COMPILER_ID, CMAKE_CXX_COMPILER_VERSION, GIT_EXECUTABLE.
set(LIUHE_GIT_COMMIT unknown)
if(GIT_EXECUTABLE AND EXISTS ${SOURCE_DIR}/.git)
  execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --short=12 HEAD WORKING_DIRECTORY ${SOURCE_DIR}
                  OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE failed)
  if(NOT failed AND commit)
    set(LIUHE_GIT_COMMIT ${commit})
    execute_process(COMMAND ${GIT_EXECUTABLE} status --porcelain --untracked-files=no WORKING_DIRECTORY ${SOURCE_DIR}
                    OUTPUT_VARIABLE changes OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    if(changes)
      string(APPEND LIUHE_GIT_COMMIT "+changes")
    endif()
  endif()
endif()
configure_file(${TEMPLATE} ${OUTPUT} @ONLY)
