# Strict warnings for the project's own targets only; third-party headers come in as SYSTEM.
function(accord_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual -Wnull-dereference
    -Wimplicit-fallthrough)
  if(ACCORD_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
