#include "cli/versions.h"

namespace cli {

std::string version_text() {
  // The versions come from pkg-config when paperset is configured (src/cli/CMakeLists.txt):
  // each library stays inside its stage (docs/architecture.md), so the CLI does not call
  // into it for a version string.
  static const char* const kLibraries[][2] = {
      {"HarfBuzz", PS_VERSION_HARFBUZZ},  {"FreeType", PS_VERSION_FREETYPE}, {"fontconfig", PS_VERSION_FONTCONFIG},
      {"cairo", PS_VERSION_CAIRO},        {"libqpdf", PS_VERSION_QPDF},      {"Little CMS", PS_VERSION_LCMS2},
      {"libjpeg-turbo", PS_VERSION_JPEG}, {"libpng", PS_VERSION_PNG},        {"tinyxml2", PS_VERSION_TINYXML2},
      {"ICU", PS_VERSION_ICU},            {"nlohmann-json", PS_VERSION_JSON},
  };
  std::string s = "paperset " PAPERSET_VERSION "\nbuilt with:";
  for (const auto& [name, version] : kLibraries) s += std::string(" ") + name + " " + version + ",";
  s.back() = '\n';
  return s;
}

}  // namespace cli
