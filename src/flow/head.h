#pragma once
// The headline group (引题 / 主题 / 副题) set across an article's width.
#include <string>
#include <vector>

#include "flow/setter.h"

namespace flow {

struct HeadLine {
  compose::Line line;
  int rows = 1;  // grid lines this line takes
};

// Lines of one headline element at `measure`. typography.md "Roles and fonts": headline
// lines break only where the editor wrote a space or line break, unless a part is too
// long for the measure.
std::vector<HeadLine> head_lines(const Setter& s, const model::TextBlock& b, Len measure, const std::string& id,
                                 int page);

// Grid rows the whole group takes, including the headline style's space-after.
int head_rows(const Setter& s, const std::vector<std::vector<HeadLine>>& group,
              const std::vector<const model::TextBlock*>& blocks);

}  // namespace flow
