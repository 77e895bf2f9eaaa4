#pragma once
// FontSet internals shared by fonts.cpp and shape.cpp (HarfBuzz only inside text/).
#include <hb.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "text/fonts.h"

namespace text {

struct FaceData {
  FaceInfo info;
  hb_blob_t* blob = nullptr;
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;  // scale = upem, default hb-ot funcs (docs/libraries.md §1)
};

struct FontSet::Impl {
  std::vector<FaceData> faces;
  std::map<std::pair<Role, bool>, int> by_role;
  std::vector<std::pair<Role, bool>> role_of;  // per face: the first role it was mapped for
  ~Impl();
  int add_face(const std::string& file, int index, const std::string& family, const std::string& style,
               const std::string& package);
};

}  // namespace text
