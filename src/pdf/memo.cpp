#include "pdf/memo.h"

#include <cstring>

namespace pdf {

namespace {

constexpr std::uint64_t kKnown = 1ull << 32;
constexpr std::uint64_t kPending = 1ull << 33;

std::uint32_t key_of(const std::uint8_t* p, int n) {
  std::uint32_t k = 0;
  std::memcpy(&k, p, static_cast<std::size_t>(n));
  return k;
}

}  // namespace

TransformMemo::TransformMemo(cmsHTRANSFORM xf, int in_bytes)
    : xf_(xf), in_bytes_(in_bytes), keys_(std::size_t{1} << kBits, 0), values_(std::size_t{1} << kBits, 0) {}

void TransformMemo::apply(const std::uint8_t* in, std::uint8_t* out, std::size_t pixels) {
  const auto n = static_cast<std::size_t>(in_bytes_);
  miss_in_.clear(), pending_.clear(), waiting_.clear();
  std::uint32_t misses = 0;
  for (std::size_t i = 0; i < pixels; ++i, in += n) {
    const std::uint32_t k = key_of(in, in_bytes_);
    const std::size_t s = (k * 0x9E3779B1u) >> (32 - kBits);  // Fibonacci hashing
    const std::uint64_t w = keys_[s];
    if ((w & kKnown) && static_cast<std::uint32_t>(w) == k) {
      if (w & kPending) waiting_.emplace_back(i, values_[s]);
      else std::memcpy(out + 4 * i, &values_[s], 4);
      continue;
    }
    keys_[s] = k | kKnown | kPending;  // a colour seen before in this slot gives way
    values_[s] = misses;
    pending_.push_back(s);
    waiting_.emplace_back(i, misses++);
    miss_in_.insert(miss_in_.end(), in, in + n);
  }
  if (misses == 0) return;
  miss_out_.resize(std::size_t{misses} * 4);
  cmsDoTransform(xf_, miss_in_.data(), miss_out_.data(), misses);
  for (const auto& [i, m] : waiting_) std::memcpy(out + 4 * i, &miss_out_[std::size_t{m} * 4], 4);
  for (const std::size_t s : pending_) {
    if (!(keys_[s] & kPending)) continue;  // taken twice in this strip: done already
    std::memcpy(&values_[s], &miss_out_[std::size_t{values_[s]} * 4], 4);
    keys_[s] &= ~kPending;
  }
}

}  // namespace pdf
