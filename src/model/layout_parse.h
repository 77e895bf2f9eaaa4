#pragma once
// Private to model/: pieces of the layout parser shared between its files.
#include <optional>

#include "model/layout.h"
#include "model/xml_read.h"

namespace model {

// One <style> element; sizes are absolute, leading may be in em of the style's size.
Style parse_style(const xml::Node& n);
// A colour written as CMYK percentages in `color_attr`, optionally a named spot ink in
// `spot_attr` (the CMYK is then its alternate); nullopt when neither is written.
std::optional<Cmyk> parse_colour(const xml::Node& n, const char* color_attr, const char* spot_attr);
// <stroke> and <box> elements of a layout (box_parse.cpp); strokes first, boxes name them.
void read_strokes_and_boxes(const xml::Node& root, Layout& lay);

}  // namespace model
