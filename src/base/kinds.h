#pragma once
// One ordered list of several kinds of thing (a std::vector of a std::variant) and a view
// of the elements of one kind, in list order. The pages (model::Page::blocks) and
// the output pages (frame::Page::items) are such lists: order is meaning there (reading
// order, drawing order), so kinds are never split into parallel vectors.
#include <cstddef>
#include <stdexcept>
#include <variant>
#include <vector>

namespace base {

template <class T, class Variant>
class KindsOf {
 public:
  using List = std::vector<Variant>;
  class iterator {
   public:
    using It = typename List::const_iterator;
    iterator(It at, It end) : at_(at), end_(end) { skip(); }
    const T& operator*() const { return std::get<T>(*at_); }
    const T* operator->() const { return &std::get<T>(*at_); }
    iterator& operator++() {
      ++at_;
      skip();
      return *this;
    }
    bool operator==(const iterator& o) const { return at_ == o.at_; }

   private:
    void skip() {
      while (at_ != end_ && !std::holds_alternative<T>(*at_)) ++at_;
    }
    It at_, end_;
  };
  explicit KindsOf(const List& items) : items_(items) {}
  iterator begin() const { return {items_.begin(), items_.end()}; }
  iterator end() const { return {items_.end(), items_.end()}; }
  bool empty() const { return begin() == end(); }
  std::size_t size() const {
    std::size_t n = 0;
    for (auto it = begin(); it != end(); ++it) ++n;
    return n;
  }
  // The n-th element of this kind (0-based); throws std::out_of_range past the end.
  const T& at(std::size_t n) const {
    for (auto it = begin(); it != end(); ++it)
      if (n-- == 0) return *it;
    throw std::out_of_range("KindsOf::at");
  }

 private:
  const List& items_;
};

// std::visit with a set of lambdas: std::visit(base::Overloaded{[](const A&) {…}, …}, v).
template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace base
