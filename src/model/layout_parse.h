#pragma once
// Private to model/: pieces of the layout parser shared between its files.
#include "model/layout.h"
#include "model/xml_read.h"

namespace model {

// One <style> element; sizes are absolute, leading may be in em of the style's size.
Style parse_style(const xml::Node& n);

}  // namespace model
