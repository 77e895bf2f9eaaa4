# Writes OUT, a header holding the proof sheet's HTML, CSS and script as raw string
# literals (cli/sheet.cpp puts them together with the build's data).
#   cmake -DSRC=dir -DOUT=file -P embed.cmake
set(text "#pragma once\n// Generated from src/cli/sheet/ by embed.cmake; do not edit.\nnamespace cli::sheet_assets {\n")
foreach(pair "kHtml;sheet.html" "kCss;sheet.css" "kJs;sheet.js")
  list(GET pair 0 name)
  list(GET pair 1 file)
  file(READ "${SRC}/${file}" body)
  string(FIND "${body}" ")PSSHEET\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file} contains the raw string's end marker")
  endif()
  string(APPEND text "inline constexpr const char* ${name} = R\"PSSHEET(${body})PSSHEET\";\n")
endforeach()
string(APPEND text "}  // namespace cli::sheet_assets\n")
file(WRITE "${OUT}.tmp" "${text}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
